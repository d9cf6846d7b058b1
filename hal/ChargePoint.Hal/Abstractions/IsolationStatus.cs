namespace ChargePoint.Hal.Abstractions;

/// <summary>What an insulation monitor reports: the judgement, the resistance when the device measures one, and
/// a human-readable reason.</summary>
public sealed record IsolationStatus(IsolationCondition Condition, double? ResistanceOhms, string Detail);
