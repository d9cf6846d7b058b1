using Microsoft.Data.Sqlite;

namespace ChargePoint.Ocpp.Storage;

/// <summary>
/// The station's SQLite file on Storage:Path: device-model values, transaction sequence numbers and the durable
/// message queue. WAL journal with synchronous=FULL, so a committed row survives a crash or power loss. The file
/// holds secrets (BasicAuthPassword), so it is created with mode 0600.
/// </summary>
public sealed class StationDatabase : IDisposable
{
    public const string FileName = "chargepoint-ocpp.db";

    private readonly SqliteConnection _connection;
    private readonly Lock _gate = new();

    public StationDatabase(string storageDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        Directory.CreateDirectory(storageDirectory);
        FilePath = Path.Combine(storageDirectory, FileName);
        if (!File.Exists(FilePath))
        {
            using (File.Create(FilePath))
            {
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(FilePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = FilePath, Pooling = false }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("""
            CREATE TABLE IF NOT EXISTS variables (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                action TEXT NOT NULL,
                payload BLOB NOT NULL,
                kind INTEGER NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0);
            """);
    }

    public string FilePath { get; }

    /// <summary>Runs <paramref name="work"/> on the single connection, one caller at a time.</summary>
    public T Use<T>(Func<SqliteConnection, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            return work(_connection);
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
