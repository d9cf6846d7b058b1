using System.Globalization;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Ocpp.Authorization;

/// <summary>
/// The local authorization list (D01 SendLocalList, D02 GetLocalListVersion), persisted in the station database with
/// its version. A Full update replaces the list; a Differential update adds or replaces entries with idTokenInfo and
/// removes entries without, and needs a version above the installed one. Updates are all-or-nothing.
/// </summary>
public sealed class LocalAuthorizationList
{
    private readonly StationDatabase _database;
    private readonly DeviceModelService _deviceModel;

    public LocalAuthorizationList(StationDatabase database, DeviceModelService deviceModel)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(deviceModel);
        _database = database;
        _deviceModel = deviceModel;
        _database.Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE IF NOT EXISTS local_auth_list (key TEXT PRIMARY KEY, info TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS local_auth_version (id INTEGER PRIMARY KEY CHECK (id = 0), version INTEGER NOT NULL);
                """;
            return command.ExecuteNonQuery();
        });
    }

    public bool Enabled => _deviceModel.GetBool("LocalAuthListCtrlr", "Enabled");

    /// <summary>D02: 0 when no list is installed.</summary>
    public int Version => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM local_auth_version WHERE id = 0";
        return command.ExecuteScalar() is { } value ? Convert.ToInt32(value, CultureInfo.InvariantCulture) : 0;
    });

    public int Count => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM local_auth_list";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>The listed info of a token, or null when it is not on the list or the list is disabled.</summary>
    public IdTokenInfoType? Find(IdTokenType token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!Enabled)
        {
            return null;
        }

        return _database.Use(connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT info FROM local_auth_list WHERE key = $k";
            command.Parameters.AddWithValue("$k", IdTokenKey.Of(token));
            return command.ExecuteScalar() is string info ? IdTokenKey.Read<IdTokenInfoType>(info) : null;
        });
    }

    public SendLocalListResponse Apply(SendLocalListRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entries = request.LocalAuthorizationList ?? [];
        if (!Enabled)
        {
            return Answer(SendLocalListStatusEnumType.Failed, "LocalListDisabled");
        }

        if (request.VersionNumber <= 0)
        {
            return Answer(SendLocalListStatusEnumType.Failed, "InvalidVersion"); // 0 means "no list" (D02).
        }

        if (entries.Count > _deviceModel.GetInt("LocalAuthListCtrlr", "ItemsPerMessage"))
        {
            return Answer(SendLocalListStatusEnumType.Failed, "TooManyItems");
        }

        var full = request.UpdateType == UpdateEnumType.Full;
        if (full && entries.Any(e => e.IdTokenInfo is null))
        {
            return Answer(SendLocalListStatusEnumType.Failed, "MissingIdTokenInfo"); // a full list states every token's status
        }

        if (!full && request.VersionNumber <= Version)
        {
            return Answer(SendLocalListStatusEnumType.VersionMismatch);
        }

        var count = _database.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            if (full)
            {
                Run(connection, transaction, "DELETE FROM local_auth_list");
            }

            foreach (var entry in entries)
            {
                if (entry.IdTokenInfo is { } info)
                {
                    Run(connection, transaction, "INSERT OR REPLACE INTO local_auth_list(key, info) VALUES ($k, $i)", ("$k", IdTokenKey.Of(entry.IdToken)), ("$i", IdTokenKey.Json(info)));
                }
                else
                {
                    Run(connection, transaction, "DELETE FROM local_auth_list WHERE key = $k", ("$k", IdTokenKey.Of(entry.IdToken)));
                }
            }

            Run(connection, transaction, "INSERT OR REPLACE INTO local_auth_version(id, version) VALUES (0, $v)", ("$v", request.VersionNumber));
            using var countCommand = connection.CreateCommand();
            countCommand.Transaction = transaction;
            countCommand.CommandText = "SELECT COUNT(*) FROM local_auth_list";
            var total = Convert.ToInt32(countCommand.ExecuteScalar(), CultureInfo.InvariantCulture);
            transaction.Commit();
            return total;
        });
        _deviceModel.SetInternal("LocalAuthListCtrlr", "Entries", count.ToString(CultureInfo.InvariantCulture));
        return Answer(SendLocalListStatusEnumType.Accepted);
    }

    private static SendLocalListResponse Answer(SendLocalListStatusEnumType status, string? reason = null) =>
        new() { Status = status, StatusInfo = reason is null ? null : new StatusInfoType { ReasonCode = reason } };

    private static void Run(Microsoft.Data.Sqlite.SqliteConnection connection, Microsoft.Data.Sqlite.SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.ExecuteNonQuery();
    }
}
