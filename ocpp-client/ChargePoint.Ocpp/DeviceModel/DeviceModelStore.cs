using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>Persists the Actual values that differ from the declared defaults (written by SetVariables or the station).</summary>
public sealed class DeviceModelStore
{
    private readonly StationDatabase _database;

    public DeviceModelStore(StationDatabase database) => _database = database;

    public IReadOnlyDictionary<string, string> LoadAll() => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM variables";
        using var reader = command.ExecuteReader();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            values[reader.GetString(0)] = reader.GetString(1);
        }

        return values;
    });

    public void Save(string key, string value) => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO variables(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        command.Parameters.AddWithValue("$k", key);
        command.Parameters.AddWithValue("$v", value);
        return command.ExecuteNonQuery();
    });
}
