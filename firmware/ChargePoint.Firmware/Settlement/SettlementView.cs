using ChargePoint.Firmware.Contracts.Diagnostics;

namespace ChargePoint.Firmware.Settlement;

/// <summary>Settlement records as the diagnostics protocol shows them (<c>cpdiag settlement</c>).</summary>
public static class SettlementView
{
    /// <summary>How many records one <c>settlement</c> answer lists (newest first).</summary>
    public const int MaxRecords = 50;

    public static SettlementSummary Summary(SettlementRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new SettlementSummary(
            record.TransactionId,
            record.EvseId,
            record.StartedAt,
            record.EndedAt,
            record.StopReason,
            record.ImportedWh,
            record.ExportedWh,
            record.NetWh,
            record.ImportRegisterStartWh,
            record.ImportRegisterWh,
            record.ExportRegisterStartWh,
            record.ExportRegisterWh);
    }
}
