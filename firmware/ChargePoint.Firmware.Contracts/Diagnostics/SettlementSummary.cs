namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>
/// One transaction's settlement as the station keeps it (persistently, in <c>chargepoint-settlement.db</c>): energy
/// imported by the EV (billed) and exported to the grid (credited) from the meter's two registers, and their net.
/// <see cref="EndedAt"/> is null while the transaction runs. Newest first in a <c>settlement</c> answer.
/// </summary>
public sealed record SettlementSummary(
    string TransactionId,
    int EvseId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? StopReason,
    double ImportedWattHours,
    double ExportedWattHours,
    double NetWattHours,
    double ImportRegisterStartWattHours,
    double ImportRegisterWattHours,
    double ExportRegisterStartWattHours,
    double ExportRegisterWattHours);
