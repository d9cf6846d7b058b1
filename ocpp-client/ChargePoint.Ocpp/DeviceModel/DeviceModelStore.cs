using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Ocpp.DeviceModel;

/// <summary>
/// Persists the Actual values that differ from the declared defaults (written by SetVariables or the station).
/// WriteOnly values (secrets) go to the <see cref="SecretStore"/> file when one is given, never to the database.
/// </summary>
public sealed class DeviceModelStore
{
    private readonly StationDatabase _database;
    private readonly SecretStore? _secrets;

    public DeviceModelStore(StationDatabase database, SecretStore? secrets = null)
    {
        _database = database;
        _secrets = secrets;
    }

    public IReadOnlyDictionary<string, string> LoadAll()
    {
        var values = _database.Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT key, value FROM variables";
            using var reader = command.ExecuteReader();
            var rows = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                rows[reader.GetString(0)] = reader.GetString(1);
            }

            return rows;
        });
        foreach (var (key, value) in _secrets?.All() ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return values;
    }

    /// <summary>True when the database holds a value for this key (used to move secrets out of it).</summary>
    public bool HasPlainValue(string key) => _secrets is not null && _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM variables WHERE key = $k";
        command.Parameters.AddWithValue("$k", key);
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    });

    public void Save(string key, string value) => Save(key, value, secret: false);

    public void Save(string key, string value, bool secret)
    {
        if (secret && _secrets is not null)
        {
            _secrets.Set(key, value);
            Execute("DELETE FROM variables WHERE key = $k", key, null);
            return;
        }

        Execute("INSERT INTO variables(key, value) VALUES ($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value);
    }

    private void Execute(string sql, string key, string? value) => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$k", key);
        if (value is not null)
        {
            command.Parameters.AddWithValue("$v", value);
        }

        return command.ExecuteNonQuery();
    });
}
