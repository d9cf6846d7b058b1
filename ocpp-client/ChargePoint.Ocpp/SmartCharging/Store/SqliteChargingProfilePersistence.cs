using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Profiles in an SQLite file, one row per profile id, the profile as JSON. Each write is one transaction,
/// so a crash leaves either the old or the new row. A row that no longer reads is logged and skipped at
/// load instead of stopping the station.
/// </summary>
public sealed class SqliteChargingProfilePersistence : IChargingProfilePersistence
{
    private readonly string _connectionString;
    private readonly ILogger _logger;

    public SqliteChargingProfilePersistence(string databasePath, ILogger<SqliteChargingProfilePersistence>? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS charging_profiles (
                id INTEGER PRIMARY KEY,
                evse_id INTEGER NOT NULL,
                charging_limit_source TEXT NOT NULL,
                profile TEXT NOT NULL)
            """;
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<InstalledChargingProfile> LoadAll()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, evse_id, charging_limit_source, profile FROM charging_profiles ORDER BY rowid";
        using var reader = command.ExecuteReader();
        var profiles = new List<InstalledChargingProfile>();
        while (reader.Read())
        {
            if (Parse(reader.GetString(3)) is { } profile)
            {
                profiles.Add(new InstalledChargingProfile(reader.GetInt32(1), profile, reader.GetString(2)));
            }
            else
            {
                _logger.LogWarning("Stored charging profile {ProfileId} is unreadable and was skipped", reader.GetInt64(0));
            }
        }

        return profiles;
    }

    public void Save(InstalledChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO charging_profiles (id, evse_id, charging_limit_source, profile) VALUES ($id, $evse, $source, $profile)
            ON CONFLICT(id) DO UPDATE SET evse_id = excluded.evse_id, charging_limit_source = excluded.charging_limit_source,
                profile = excluded.profile
            """;
        command.Parameters.AddWithValue("$id", profile.Profile.Id);
        command.Parameters.AddWithValue("$evse", profile.EvseId);
        command.Parameters.AddWithValue("$source", profile.ChargingLimitSource);
        command.Parameters.AddWithValue("$profile", JsonSerializer.Serialize(profile.Profile, SmartChargingJsonContext.Default.ChargingProfile));
        command.ExecuteNonQuery();
    }

    public void Delete(IReadOnlyCollection<int> profileIds)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM charging_profiles WHERE id = $id";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var profileId in profileIds)
        {
            id.Value = profileId;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static ChargingProfile? Parse(string json)
    {
        try
        {
            var profile = JsonSerializer.Deserialize(json, SmartChargingJsonContext.Default.ChargingProfile);
            return profile is { ChargingSchedule.IsDefaultOrEmpty: false } ? profile : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
