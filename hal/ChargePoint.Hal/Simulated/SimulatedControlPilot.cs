using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// The EVSE's pilot generator (±12 V behind R1 = 1 kΩ) loaded by a <see cref="SimulatedEv"/>. The plateaus follow
/// from the voltage divider, so the classifier sees the same voltages as on a real board (B ≈ 8.8 V, C ≈ 5.6 V,
/// D ≈ 2.4 V); without the vehicle diode the negative plateau is divided as well.
/// </summary>
public sealed class SimulatedControlPilot(SimulatedEv ev, bool supportsStateE = true) : IControlPilot
{
    public const double GeneratorVolts = 12.0;
    public const double R1Ohms = 1000;

    private readonly Lock _gate = new();
    private PilotOutput _output = PilotOutput.ConstantHigh;

    public bool SupportsStateE { get; } = supportsStateE;

    /// <summary>Simulates the pilot wire shorted to PE (reads 0 V regardless of the output).</summary>
    public bool IsShortedToEarth { get; set; }

    /// <summary>Adds a fixed error to both plateaus (ADC offset, noise).</summary>
    public double MeasurementOffsetVolts { get; set; }

    public PilotOutput Output
    {
        get
        {
            lock (_gate)
            {
                return _output;
            }
        }
    }

    public void SetOutput(PilotOutput output)
    {
        lock (_gate)
        {
            _output = output;
        }
    }

    public PilotMeasurement ReadMeasurement()
    {
        var output = Output;
        if (IsShortedToEarth)
        {
            return new PilotMeasurement(MeasurementOffsetVolts, MeasurementOffsetVolts);
        }

        var positive = Divide(GeneratorVolts);
        var negative = ev.HasDiode || !ev.IsPluggedIn ? -GeneratorVolts : Divide(-GeneratorVolts);
        var measurement = output.Mode switch
        {
            PilotOutputMode.ConstantHigh => new PilotMeasurement(positive, positive),
            PilotOutputMode.Pwm when output.DutyPercent >= 100 => new PilotMeasurement(positive, positive),
            PilotOutputMode.Pwm when output.DutyPercent <= 0 => new PilotMeasurement(-GeneratorVolts, -GeneratorVolts),
            PilotOutputMode.Pwm => new PilotMeasurement(positive, negative),
            PilotOutputMode.StateE => new PilotMeasurement(0, 0),
            _ => new PilotMeasurement(-GeneratorVolts, -GeneratorVolts),
        };
        return new PilotMeasurement(measurement.HighPlateauVolts + MeasurementOffsetVolts, measurement.LowPlateauVolts + MeasurementOffsetVolts);
    }

    private double Divide(double source)
    {
        var load = ev.LoadOhms;
        return double.IsPositiveInfinity(load) ? source : source * load / (load + R1Ohms);
    }
}
