namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>One finished session as kept in the station's history (newest first in a <c>sessions</c> answer).</summary>
public sealed record SessionSummary(
    string SessionId,
    int EvseId,
    string? TransactionId,
    DateTimeOffset StartedAt,
    DateTimeOffset StoppedAt,
    double ImportedWattHours,
    double ExportedWattHours,
    double NetWattHours,
    string StopReason,
    string Outcome,
    string? Fault);
