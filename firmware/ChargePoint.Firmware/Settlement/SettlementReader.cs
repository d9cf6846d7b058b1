using Microsoft.Data.Sqlite;

namespace ChargePoint.Firmware.Settlement;

/// <summary>
/// Read-only access to the settlement records on a Storage:Path, for the diagnostics CLI: opens the database
/// read-only (safe while the firmware runs: WAL readers do not block the writer) and never creates it.
/// </summary>
public static class SettlementReader
{
    /// <summary>The newest records, newest first; empty when the station has no settlement database yet.</summary>
    public static IReadOnlyList<SettlementRecord> Latest(string storagePath, int count = 50)
    {
        using var connection = OpenReadOnly(storagePath);
        return connection is null ? [] : SettlementStore.Query(connection, "ORDER BY started_at DESC LIMIT $n", ("$n", count));
    }

    /// <summary>One transaction's record, or null.</summary>
    public static SettlementRecord? Find(string storagePath, string transactionId)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        using var connection = OpenReadOnly(storagePath);
        return connection is null ? null : First(SettlementStore.Query(connection, "WHERE transaction_id = $id", ("$id", transactionId)));
    }

    internal static SettlementRecord? First(IReadOnlyList<SettlementRecord> records) => records.Count > 0 ? records[0] : null;

    private static SqliteConnection? OpenReadOnly(string storagePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storagePath);
        var path = Path.Combine(storagePath, SettlementStore.FileName);
        return File.Exists(path) ? SettlementStore.Open(path, SqliteOpenMode.ReadOnly) : null;
    }
}
