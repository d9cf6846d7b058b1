using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ChargePoint.Firmware.Settlement;

/// <summary>
/// The per-transaction settlement records in <c>chargepoint-settlement.db</c> on Storage:Path (SQLite, WAL,
/// synchronous=FULL so a committed row survives a crash). A record is opened when the transaction starts, its
/// registers follow the meter while it runs and it is closed with the stop reason. Records left open by a crash
/// tell the next start which transactions to end.
/// </summary>
public sealed class SettlementStore : IDisposable
{
    public const string FileName = "chargepoint-settlement.db";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public SettlementStore(string storageDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        Directory.CreateDirectory(storageDirectory);
        _connection = Open(Path.Combine(storageDirectory, FileName), SqliteOpenMode.ReadWriteCreate);
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS settlement (
                transaction_id TEXT PRIMARY KEY,
                evse_id INTEGER NOT NULL,
                started_at TEXT NOT NULL,
                ended_at TEXT,
                stop_reason TEXT,
                import_start_wh REAL NOT NULL,
                export_start_wh REAL NOT NULL,
                import_wh REAL NOT NULL,
                export_wh REAL NOT NULL,
                soc REAL);
            """);
    }

    /// <summary>Starts a record (ignored when the transaction already has one).</summary>
    public void Open(string transactionId, int evseId, DateTimeOffset startedAt, double importRegisterWh, double exportRegisterWh) =>
        Execute(
            "INSERT OR IGNORE INTO settlement (transaction_id, evse_id, started_at, import_start_wh, export_start_wh, import_wh, export_wh) VALUES ($id, $evse, $at, $i, $e, $i, $e)",
            ("$id", transactionId), ("$evse", evseId), ("$at", Text(startedAt)), ("$i", importRegisterWh), ("$e", exportRegisterWh));

    /// <summary>The latest registers of a running transaction.</summary>
    public void Update(string transactionId, double importRegisterWh, double exportRegisterWh, double? stateOfChargePercent) =>
        Execute(
            "UPDATE settlement SET import_wh = MAX(import_wh, $i), export_wh = MAX(export_wh, $e), soc = COALESCE($soc, soc) WHERE transaction_id = $id AND ended_at IS NULL",
            ("$id", transactionId), ("$i", importRegisterWh), ("$e", exportRegisterWh), ("$soc", (object?)stateOfChargePercent ?? DBNull.Value));

    /// <summary>Closes a record; registers are only taken when given (a crash recovery has none newer).</summary>
    public void Close(string transactionId, DateTimeOffset endedAt, string stopReason, double? importRegisterWh = null, double? exportRegisterWh = null) =>
        Execute(
            "UPDATE settlement SET ended_at = $at, stop_reason = $r, import_wh = MAX(import_wh, COALESCE($i, import_wh)), export_wh = MAX(export_wh, COALESCE($e, export_wh)) WHERE transaction_id = $id AND ended_at IS NULL",
            ("$id", transactionId), ("$at", Text(endedAt)), ("$r", stopReason),
            ("$i", (object?)importRegisterWh ?? DBNull.Value), ("$e", (object?)exportRegisterWh ?? DBNull.Value));

    /// <summary>Records whose transaction never ended (the firmware stopped without ending it).</summary>
    public IReadOnlyList<SettlementRecord> Unfinished() => Query("WHERE ended_at IS NULL ORDER BY started_at");

    public SettlementRecord? Find(string transactionId) => SettlementReader.First(Query("WHERE transaction_id = $id", ("$id", transactionId)));

    /// <summary>The newest <paramref name="count"/> records, newest first.</summary>
    public IReadOnlyList<SettlementRecord> Latest(int count) => Query("ORDER BY started_at DESC LIMIT $n", ("$n", count));

    public void Dispose() => _connection.Dispose();

    internal static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    internal static IReadOnlyList<SettlementRecord> Query(SqliteConnection connection, string where, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT transaction_id, evse_id, started_at, ended_at, stop_reason, import_start_wh, export_start_wh, import_wh, export_wh, soc FROM settlement " + where;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        using var reader = command.ExecuteReader();
        var records = new List<SettlementRecord>();
        while (reader.Read())
        {
            records.Add(new SettlementRecord(
                reader.GetString(0),
                reader.GetInt32(1),
                Parse(reader.GetString(2)),
                reader.IsDBNull(3) ? null : Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetDouble(5),
                reader.GetDouble(6),
                reader.GetDouble(7),
                reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9)));
        }

        return records;
    }

    private IReadOnlyList<SettlementRecord> Query(string where, params (string Name, object Value)[] parameters)
    {
        lock (_gate)
        {
            return Query(_connection, where, parameters);
        }
    }

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        lock (_gate)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            command.ExecuteNonQuery();
        }
    }

    private static string Text(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
