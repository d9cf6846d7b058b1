namespace ChargePoint.Hal.Abstractions;

/// <summary>The IEC 61851-23 judgement of the DC insulation (6.3.1.105, insulation resistance levels).</summary>
public enum IsolationCondition
{
    /// <summary>Not measuring, or no valid measurement yet.</summary>
    Unknown,

    /// <summary>Above the warning level (more than 500 Ω/V).</summary>
    Valid,

    /// <summary>Between the fault and the warning level (100…500 Ω/V): charging may go on, the operator is told.</summary>
    Warning,

    /// <summary>At or below the fault level (100 Ω/V), or the monitor itself failed: the DC output must be switched off.</summary>
    Fault,
}
