namespace ChargePoint.Firmware.Settlement;

/// <summary>
/// One transaction's settlement: energy imported by the EV (billed) and exported back to the grid (credited),
/// settled separately, from the meter's two monotonic registers. <see cref="EndedAt"/> is null while the
/// transaction runs (or when the firmware stopped before it could end it; it is then ended at the next start).
/// </summary>
public sealed record SettlementRecord(
    string TransactionId,
    int EvseId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? StopReason,
    double ImportRegisterStartWh,
    double ExportRegisterStartWh,
    double ImportRegisterWh,
    double ExportRegisterWh,
    double? StateOfChargePercent)
{
    public double ImportedWh => Math.Max(0, ImportRegisterWh - ImportRegisterStartWh);

    public double ExportedWh => Math.Max(0, ExportRegisterWh - ExportRegisterStartWh);

    /// <summary>Imported minus exported: negative when the EV gave back more than it took.</summary>
    public double NetWh => ImportedWh - ExportedWh;
}
