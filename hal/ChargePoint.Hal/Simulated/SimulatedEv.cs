using ChargePoint.Hal.Pilot;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// The vehicle side of the pilot circuit (IEC 61851-1 Annex A.2): plugging in connects R3 = 2.74 kΩ behind the
/// diode (state B); closing S2 adds R2 = 1.3 kΩ (state C) or 270 Ω when ventilation is requested (state D).
/// Carries the vehicle's battery and the cable's PP coding. Test code and the EV simulator drive it.
/// </summary>
public sealed class SimulatedEv(SimulatedBattery battery)
{
    public const double R3Ohms = 2740;
    public const double R2Ohms = 1300;
    public const double R2VentilationOhms = 270;

    public SimulatedBattery Battery { get; } = battery;

    public bool IsPluggedIn { get; private set; }

    public bool IsS2Closed { get; private set; }

    public bool RequestsVentilation { get; set; }

    /// <summary>False simulates a missing or shorted pilot diode.</summary>
    public bool HasDiode { get; set; } = true;

    /// <summary>PP resistance of the plugged cable (220 Ω codes 32 A).</summary>
    public double CableCodingOhms { get; set; } = 220;

    public void PlugIn() => IsPluggedIn = true;

    public void Unplug()
    {
        IsS2Closed = false;
        IsPluggedIn = false;
    }

    /// <summary>The vehicle requests energy (B → C).</summary>
    public void CloseS2()
    {
        if (!IsPluggedIn)
        {
            throw new InvalidOperationException("S2 can only close while the vehicle is plugged in.");
        }

        IsS2Closed = true;
    }

    /// <summary>The vehicle stops requesting energy (C → B).</summary>
    public void OpenS2() => IsS2Closed = false;

    /// <summary>The vehicle's load resistance on the pilot, or infinity when unplugged.</summary>
    public double LoadOhms
    {
        get
        {
            if (!IsPluggedIn)
            {
                return double.PositiveInfinity;
            }

            if (!IsS2Closed)
            {
                return R3Ohms;
            }

            var r2 = RequestsVentilation ? R2VentilationOhms : R2Ohms;
            return R3Ohms * r2 / (R3Ohms + r2);
        }
    }

    /// <summary>What the vehicle reads from a duty cycle (for EV-side logic in the simulator).</summary>
    public static DutyInterpretation Interpret(double dutyPercent) => DutyCycle.Interpret(dutyPercent);
}
