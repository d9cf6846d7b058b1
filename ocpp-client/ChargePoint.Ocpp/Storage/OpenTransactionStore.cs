using System.Globalization;
using System.Text.Json;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Station;
using Microsoft.Data.Sqlite;

namespace ChargePoint.Ocpp.Storage;

/// <summary>
/// The transactions running at the EVSEs, persisted in the station database so a crash or power loss does not
/// forget them (E17). A row is written in the same SQLite transaction as the TransactionEvent that changes it,
/// so the queue and this table never disagree; the last meter reading is refreshed between events.
/// </summary>
public sealed class OpenTransactionStore
{
    private readonly StationDatabase _database;

    public OpenTransactionStore(StationDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        _database = database;
        _database.Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS open_transactions (
                    evse INTEGER PRIMARY KEY,
                    transaction_id TEXT NOT NULL,
                    connector INTEGER NOT NULL,
                    id_token TEXT,
                    operation_mode TEXT,
                    remote_start_id INTEGER,
                    reading_at TEXT, import_wh REAL, export_wh REAL, power_w REAL, soc REAL, voltage REAL, current_a REAL,
                    alive_at TEXT NOT NULL);
                """;
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Inserts or replaces the row of an EVSE inside the caller's transaction.</summary>
    public static void Save(SqliteConnection connection, SqliteTransaction transaction, OpenTransaction open)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(open);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR REPLACE INTO open_transactions
                (evse, transaction_id, connector, id_token, operation_mode, remote_start_id, reading_at, import_wh, export_wh, power_w, soc, voltage, current_a, alive_at)
            VALUES ($e, $t, $c, $i, $m, $r, $ra, $iw, $ew, $pw, $soc, $v, $a, $alive)
            """;
        command.Parameters.AddWithValue("$e", open.EvseId);
        command.Parameters.AddWithValue("$t", open.TransactionId);
        command.Parameters.AddWithValue("$c", open.ConnectorId);
        command.Parameters.AddWithValue("$i", open.IdToken is null ? DBNull.Value : System.Text.Encoding.UTF8.GetString(Json.OcppPayloadCodec.Serialize(open.IdToken)));
        command.Parameters.AddWithValue("$m", open.OperationMode is { } mode ? mode.ToWire() : DBNull.Value);
        command.Parameters.AddWithValue("$r", open.RemoteStartId is { } remote ? remote : DBNull.Value);
        AddReading(command, open.LastReading);
        command.Parameters.AddWithValue("$alive", open.AliveAt.ToString("O", CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    /// <summary>Removes the row of an EVSE inside the caller's transaction (the transaction ended).</summary>
    public static void Delete(SqliteConnection connection, SqliteTransaction transaction, int evseId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM open_transactions WHERE evse = $e";
        command.Parameters.AddWithValue("$e", evseId);
        command.ExecuteNonQuery();
    }

    /// <summary>Refreshes the last meter reading and the sign of life of a running transaction.</summary>
    public void UpdateReading(int evseId, MeterReading reading, DateTimeOffset aliveAt) => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE open_transactions SET reading_at = $ra, import_wh = $iw, export_wh = $ew, power_w = $pw, soc = $soc,
                voltage = $v, current_a = $a, alive_at = $alive WHERE evse = $e
            """;
        command.Parameters.AddWithValue("$e", evseId);
        AddReading(command, reading);
        command.Parameters.AddWithValue("$alive", aliveAt.ToString("O", CultureInfo.InvariantCulture));
        return command.ExecuteNonQuery();
    });

    public IReadOnlyList<OpenTransaction> LoadAll() => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT evse, transaction_id, connector, id_token, operation_mode, remote_start_id,
                   reading_at, import_wh, export_wh, power_w, soc, voltage, current_a, alive_at
            FROM open_transactions ORDER BY evse
            """;
        using var reader = command.ExecuteReader();
        var list = new List<OpenTransaction>();
        while (reader.Read())
        {
            list.Add(new OpenTransaction(
                reader.GetInt32(0),
                reader.GetString(1),
                reader.GetInt32(2),
                reader.IsDBNull(3) ? null : IdTokenType.ReadFrom(JsonDocument.Parse(reader.GetString(3)).RootElement),
                reader.IsDBNull(4) ? null : OperationModeEnumTypeWire.TryParse(reader.GetString(4), out var mode) ? mode : null,
                reader.IsDBNull(5) ? null : reader.GetInt32(5),
                reader.IsDBNull(6) ? null : new MeterReading(
                    DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture),
                    reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), Nullable(reader, 10), Nullable(reader, 11), Nullable(reader, 12)),
                DateTimeOffset.Parse(reader.GetString(13), CultureInfo.InvariantCulture)));
        }

        return list;
    });

    private static double? Nullable(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static void AddReading(SqliteCommand command, MeterReading? reading)
    {
        command.Parameters.AddWithValue("$ra", reading is null ? DBNull.Value : reading.Timestamp.ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$iw", reading is null ? DBNull.Value : reading.ImportWh);
        command.Parameters.AddWithValue("$ew", reading is null ? DBNull.Value : reading.ExportWh);
        command.Parameters.AddWithValue("$pw", reading is null ? DBNull.Value : reading.PowerW);
        command.Parameters.AddWithValue("$soc", reading?.SocPercent is { } soc ? soc : DBNull.Value);
        command.Parameters.AddWithValue("$v", reading?.Voltage is { } v ? v : DBNull.Value);
        command.Parameters.AddWithValue("$a", reading?.CurrentA is { } a ? a : DBNull.Value);
    }
}

/// <summary>A transaction that was running when its row was last written.</summary>
public sealed record OpenTransaction(int EvseId, string TransactionId, int ConnectorId, IdTokenType? IdToken, OperationModeEnumType? OperationMode, int? RemoteStartId, MeterReading? LastReading, DateTimeOffset AliveAt);
