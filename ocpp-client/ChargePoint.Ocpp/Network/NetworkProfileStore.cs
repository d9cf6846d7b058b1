using System.Text.Json;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Ocpp.Network;

/// <summary>
/// The network connection profiles the CSMS stored per configurationSlot (B09), persisted in the station database
/// without their password; each slot's basic-auth password lives in the 0600 <see cref="SecretStore"/> file
/// (key <c>NetworkProfile[slot].basicAuthPassword</c>), never in the database and never in a log. Slot 0 is the
/// locally configured profile: only its password can be kept here (when the CSMS changed it, A01).
/// </summary>
public sealed class NetworkProfileStore
{
    private readonly StationDatabase _database;
    private readonly SecretStore _secrets;

    public NetworkProfileStore(StationDatabase database, SecretStore secrets)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(secrets);
        _database = database;
        _secrets = secrets;
        _database.Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS network_profiles (slot INTEGER PRIMARY KEY, profile BLOB NOT NULL)";
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>True when the CSMS never stored a profile (a station that only knows its configured slot 0).</summary>
    public bool IsEmpty => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM network_profiles";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0;
    });

    /// <summary>
    /// Stores <paramref name="profile"/> in <paramref name="slot"/>, its password (already resolved by the caller)
    /// in the secrets file. Throws (SqliteException, IOException, UnauthorizedAccessException) when storage fails;
    /// the slot's previous password is then put back, so a failed store changes nothing.
    /// </summary>
    public void Save(int slot, NetworkConnectionProfileType profile, string? password)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var key = PasswordKey(slot);
        var hadPassword = _secrets.TryGet(key, out var previous);
        SetOrRemove(key, password);
        try
        {
            var row = OcppPayloadCodec.Serialize(profile with { BasicAuthPassword = null });
            _database.Use(connection =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = "INSERT INTO network_profiles(slot, profile) VALUES ($s, $p) ON CONFLICT(slot) DO UPDATE SET profile = excluded.profile";
                command.Parameters.AddWithValue("$s", slot);
                command.Parameters.AddWithValue("$p", row);
                return command.ExecuteNonQuery();
            });
        }
        catch
        {
            SetOrRemove(key, hadPassword ? previous : null);
            throw;
        }
    }

    /// <summary>The profile stored in a slot, without its password; null when the slot is empty or its row unreadable.</summary>
    public NetworkConnectionProfileType? Load(int slot)
    {
        var row = _database.Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT profile FROM network_profiles WHERE slot = $s";
            command.Parameters.AddWithValue("$s", slot);
            return command.ExecuteScalar() as byte[];
        });
        if (row is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(row);
            var context = new OcppValidationContext();
            NetworkConnectionProfileType.Validate(document.RootElement, context);
            return context.IsValid ? NetworkConnectionProfileType.ReadFrom(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The basic-auth password kept for a slot, or null.</summary>
    public string? Password(int slot) => _secrets.TryGet(PasswordKey(slot), out var value) ? value : null;

    /// <summary>A01 / B09.FR.27: the CSMS changed the password of the connection a slot describes.</summary>
    public void SetPassword(int slot, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        _secrets.Set(PasswordKey(slot), password);
    }

    private static string PasswordKey(int slot) => $"NetworkProfile[{slot}].basicAuthPassword";

    private void SetOrRemove(string key, string? value)
    {
        if (value is null)
        {
            _secrets.Remove(key);
        }
        else
        {
            _secrets.Set(key, value);
        }
    }
}
