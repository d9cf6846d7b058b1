namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A traction battery: capacity, state of charge and an open-circuit voltage curve typical of lithium-ion
/// (steep at both ends, flat in the middle), plus an internal resistance so the terminal voltage rises while
/// charging and sags while discharging. Current is positive into the battery.
/// </summary>
public sealed class SimulatedBattery
{
    // (state of charge %, fraction of the span between minimum and maximum open-circuit voltage)
    private static readonly (double Soc, double Fraction)[] Curve =
    [
        (0, 0.0), (5, 0.18), (10, 0.32), (20, 0.42), (50, 0.58), (80, 0.75), (90, 0.84), (95, 0.90), (100, 1.0),
    ];

    private readonly Lock _gate = new();
    private double _socPercent;

    public SimulatedBattery(double capacityWattHours = 60_000, double initialSocPercent = 30, double minVoltageVolts = 320, double maxVoltageVolts = 410, double internalResistanceOhms = 0.08)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacityWattHours);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialSocPercent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(initialSocPercent, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minVoltageVolts, maxVoltageVolts);
        CapacityWattHours = capacityWattHours;
        MinVoltageVolts = minVoltageVolts;
        MaxVoltageVolts = maxVoltageVolts;
        InternalResistanceOhms = internalResistanceOhms;
        _socPercent = initialSocPercent;
    }

    public double CapacityWattHours { get; }

    public double MinVoltageVolts { get; }

    public double MaxVoltageVolts { get; }

    public double InternalResistanceOhms { get; }

    public double StateOfChargePercent
    {
        get
        {
            lock (_gate)
            {
                return _socPercent;
            }
        }
    }

    public bool IsFull => StateOfChargePercent >= 100;

    public bool IsEmpty => StateOfChargePercent <= 0;

    public double OpenCircuitVoltageVolts => OpenCircuitVoltageAt(StateOfChargePercent);

    public double OpenCircuitVoltageAt(double socPercent)
    {
        var soc = Math.Clamp(socPercent, 0, 100);
        for (var i = 1; i < Curve.Length; i++)
        {
            if (soc <= Curve[i].Soc)
            {
                var (s0, f0) = Curve[i - 1];
                var (s1, f1) = Curve[i];
                var fraction = f0 + ((f1 - f0) * (soc - s0) / (s1 - s0));
                return MinVoltageVolts + (fraction * (MaxVoltageVolts - MinVoltageVolts));
            }
        }

        return MaxVoltageVolts;
    }

    /// <summary>Terminal voltage while <paramref name="currentAmperes"/> flows (positive = charging).</summary>
    public double TerminalVoltageVolts(double currentAmperes) => OpenCircuitVoltageVolts + (currentAmperes * InternalResistanceOhms);

    /// <summary>Integrates the energy of a current flowing for <paramref name="duration"/>.</summary>
    public void Apply(double currentAmperes, TimeSpan duration)
    {
        lock (_gate)
        {
            var energyWattHours = OpenCircuitVoltageAt(_socPercent) * currentAmperes * duration.TotalHours;
            _socPercent = Math.Clamp(_socPercent + (100 * energyWattHours / CapacityWattHours), 0, 100);
        }
    }
}
