using Microsoft.Data.Sqlite;

namespace ChargePoint.Ocpp.Storage;

/// <summary>Named counters persisted in the station database (e.g. the seqNo of each transaction).</summary>
public static class SequenceCounters
{
    /// <summary>Returns the current value and stores value + 1, inside the caller's transaction.</summary>
    public static int Next(SqliteConnection connection, SqliteTransaction transaction, string name)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO counters(name, value) VALUES ($n, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1;
            SELECT value - 1 FROM counters WHERE name = $n;
            """;
        command.Parameters.AddWithValue("$n", name);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static void Delete(StationDatabase database, string name)
    {
        ArgumentNullException.ThrowIfNull(database);
        database.Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM counters WHERE name = $n";
            command.Parameters.AddWithValue("$n", name);
            return command.ExecuteNonQuery();
        });
    }
}
