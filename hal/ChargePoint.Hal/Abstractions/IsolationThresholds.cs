namespace ChargePoint.Hal.Abstractions;

/// <summary>
/// Insulation resistance levels of IEC 61851-23 (6.3.1.105): above 500 Ω/V of the rated output voltage is valid,
/// 100…500 Ω/V is a warning, 100 Ω/V or less is a fault. For a 1000 V charger: warning below 500 kΩ, fault at or
/// below 100 kΩ.
/// </summary>
public sealed record IsolationThresholds(double WarningOhms, double FaultOhms)
{
    public const double WarningOhmsPerVolt = 500;
    public const double FaultOhmsPerVolt = 100;

    /// <summary>The IEC 61851-23 levels for a charger rated <paramref name="ratedOutputVolts"/>.</summary>
    public static IsolationThresholds ForRatedVoltage(double ratedOutputVolts)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratedOutputVolts);
        return new(WarningOhmsPerVolt * ratedOutputVolts, FaultOhmsPerVolt * ratedOutputVolts);
    }

    public IsolationCondition Classify(double resistanceOhms) =>
        double.IsNaN(resistanceOhms) ? IsolationCondition.Unknown
        : resistanceOhms <= FaultOhms ? IsolationCondition.Fault
        : resistanceOhms <= WarningOhms ? IsolationCondition.Warning
        : IsolationCondition.Valid;

    /// <summary>Judges a measured resistance (null: none yet).</summary>
    public IsolationStatus Evaluate(double? resistanceOhms)
    {
        if (resistanceOhms is not { } ohms)
        {
            return new(IsolationCondition.Unknown, null, "No insulation measurement yet.");
        }

        var condition = Classify(ohms);
        var detail = condition switch
        {
            IsolationCondition.Fault => $"Insulation resistance {ohms / 1000:0.#} kΩ is at or below the fault level {FaultOhms / 1000:0.#} kΩ.",
            IsolationCondition.Warning => $"Insulation resistance {ohms / 1000:0.#} kΩ is below the warning level {WarningOhms / 1000:0.#} kΩ.",
            _ => $"Insulation resistance {ohms / 1000:0.#} kΩ.",
        };
        return new(condition, ohms, detail);
    }
}
