using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Pilot;

/// <summary>
/// The vehicle's pilot diode keeps the negative half of the PWM at the generator's −12 V. Without it the
/// vehicle's resistors pull the low plateau towards 0 V (about −8.8 V in state B, −5.6 V in C), so a low plateau
/// above the threshold while PWM runs and the vehicle is in B, C or D is a diode fault (IEC 61851-1 A.2).
/// </summary>
public static class DiodeCheck
{
    public const double DefaultMaxLowPlateauVolts = -10.5;

    /// <summary>True when the measurement proves a missing or shorted diode. Only meaningful while PWM runs.</summary>
    public static bool IsDiodeFault(PilotOutput output, CpState state, PilotMeasurement measurement, double maxLowPlateauVolts = DefaultMaxLowPlateauVolts)
    {
        if (!output.IsPwm || output.DutyPercent is <= 0 or >= 100)
        {
            return false;
        }

        return state is CpState.B or CpState.C or CpState.D && measurement.LowPlateauVolts > maxLowPlateauVolts;
    }
}
