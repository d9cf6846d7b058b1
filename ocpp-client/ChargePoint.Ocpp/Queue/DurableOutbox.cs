using ChargePoint.Ocpp.Storage;
using Microsoft.Data.Sqlite;

namespace ChargePoint.Ocpp.Queue;

/// <summary>
/// The durable FIFO of messages that must reach the CSMS (TransactionEvent, SecurityEventNotification). Rows are
/// committed (WAL, synchronous=FULL) before anything is sent and deleted only after the CSMS answered, so a crash
/// at any point loses nothing; a crash after the answer but before the delete re-sends the same payload (same
/// seqNo), which the CSMS recognises. When full, the oldest TransactionEvent(Updated) is dropped first.
/// </summary>
public sealed class DurableOutbox
{
    private readonly StationDatabase _database;

    public DurableOutbox(StationDatabase database, int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _database = database;
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Raised (outside the lock) after a row was dropped to make room.</summary>
    public event Action<OutboxMessage>? Dropped;

    /// <summary>Raised after a row was added.</summary>
    public event Action? Enqueued;

    public int Count => _database.Use(c => Scalar(c, "SELECT COUNT(*) FROM outbox", null));

    /// <summary>Commits a message.</summary>
    public long Enqueue(string action, byte[] payload, OutboxKind kind)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Enqueue(action, kind, (_, _) => payload);
    }

    /// <summary>Commits a message whose payload is built inside the same SQLite transaction (e.g. with a seqNo taken
    /// from <see cref="Storage.SequenceCounters"/>), so counter and row are stored together or not at all.</summary>
    public long Enqueue(string action, OutboxKind kind, Func<SqliteConnection, SqliteTransaction, byte[]> buildPayload)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(buildPayload);
        OutboxMessage? dropped = null;
        var sequence = _database.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            var payload = buildPayload(connection, transaction);
            if (Scalar(connection, "SELECT COUNT(*) FROM outbox", transaction) >= Capacity)
            {
                dropped = DropOne(connection, transaction);
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO outbox(action, payload, kind) VALUES ($a, $p, $k); SELECT last_insert_rowid();";
            insert.Parameters.AddWithValue("$a", action);
            insert.Parameters.AddWithValue("$p", payload);
            insert.Parameters.AddWithValue("$k", (int)kind);
            var id = (long)insert.ExecuteScalar()!;
            transaction.Commit();
            return id;
        });
        if (dropped is not null)
        {
            Dropped?.Invoke(dropped);
        }

        Enqueued?.Invoke();
        return sequence;
    }

    public OutboxMessage? Peek() => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, action, payload, kind, attempts FROM outbox ORDER BY seq LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    });

    public IReadOnlyList<OutboxMessage> All() => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, action, payload, kind, attempts FROM outbox ORDER BY seq";
        using var reader = command.ExecuteReader();
        var list = new List<OutboxMessage>();
        while (reader.Read())
        {
            list.Add(Read(reader));
        }

        return list;
    });

    public void Remove(long sequence) => Execute("DELETE FROM outbox WHERE seq = $s", sequence);

    public void RecordAttempt(long sequence) => Execute("UPDATE outbox SET attempts = attempts + 1 WHERE seq = $s", sequence);

    private static OutboxMessage Read(SqliteDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), (byte[])reader[2], (OutboxKind)reader.GetInt32(3), reader.GetInt32(4));

    private static OutboxMessage DropOne(SqliteConnection connection, SqliteTransaction transaction)
    {
        // Spec dropping order: Updated transaction events first (oldest first), then the oldest message of all.
        using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = """
            SELECT seq, action, payload, kind, attempts FROM outbox
            ORDER BY CASE kind WHEN 1 THEN 0 ELSE 1 END, seq LIMIT 1
            """;
        OutboxMessage victim;
        using (var reader = select.ExecuteReader())
        {
            reader.Read();
            victim = Read(reader);
        }

        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandText = "DELETE FROM outbox WHERE seq = $s";
        delete.Parameters.AddWithValue("$s", victim.Sequence);
        delete.ExecuteNonQuery();
        return victim;
    }

    private static int Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Execute(string sql, long sequence) => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$s", sequence);
        return command.ExecuteNonQuery();
    });
}
