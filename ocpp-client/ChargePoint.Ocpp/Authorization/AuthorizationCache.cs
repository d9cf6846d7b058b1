using System.Globalization;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Storage;

namespace ChargePoint.Ocpp.Authorization;

/// <summary>
/// The authorization cache (C10/C11), persisted in the station database. Filled from the CSMS's answers
/// (Authorize, TransactionEvent idTokenInfo); an entry lives until its cacheExpiryDateTime or
/// AuthCacheCtrlr.LifeTime after it was stored, whichever comes first. When full, AuthCacheCtrlr.Policy picks the
/// victim: LRU (least recently used), LFU (least often used) or FIFO (oldest stored).
/// </summary>
public sealed class AuthorizationCache
{
    private readonly StationDatabase _database;
    private readonly DeviceModelService _deviceModel;
    private readonly TimeProvider _time;

    public AuthorizationCache(StationDatabase database, DeviceModelService deviceModel, TimeProvider time, int capacity = 1000)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _database = database;
        _deviceModel = deviceModel;
        _time = time;
        Capacity = capacity;
        Execute("""
            CREATE TABLE IF NOT EXISTS auth_cache (
                key TEXT PRIMARY KEY, info TEXT NOT NULL, expires_at TEXT NOT NULL,
                stored_at TEXT NOT NULL, used_at TEXT NOT NULL, uses INTEGER NOT NULL DEFAULT 0);
            """);
    }

    public int Capacity { get; }

    public bool Enabled => _deviceModel.GetBool("AuthCacheCtrlr", "Enabled");

    public int Count => _database.Use(c =>
    {
        using var command = c.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM auth_cache";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <summary>The cached info of a token; null when unknown, expired (then removed) or the cache is disabled.</summary>
    public IdTokenInfoType? Find(IdTokenType token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (!Enabled)
        {
            return null;
        }

        var key = IdTokenKey.Of(token);
        var now = _time.GetUtcNow();
        return _database.Use(connection =>
        {
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT info, expires_at FROM auth_cache WHERE key = $k";
            select.Parameters.AddWithValue("$k", key);
            string info;
            DateTimeOffset expires;
            using (var reader = select.ExecuteReader())
            {
                if (!reader.Read())
                {
                    return null;
                }

                info = reader.GetString(0);
                expires = DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            }

            using var update = connection.CreateCommand();
            update.Parameters.AddWithValue("$k", key);
            if (expires <= now)
            {
                update.CommandText = "DELETE FROM auth_cache WHERE key = $k";
                update.ExecuteNonQuery();
                return null;
            }

            update.CommandText = "UPDATE auth_cache SET used_at = $now, uses = uses + 1 WHERE key = $k";
            update.Parameters.AddWithValue("$now", Stamp(now));
            update.ExecuteNonQuery();
            return IdTokenKey.Read<IdTokenInfoType>(info);
        });
    }

    /// <summary>Stores the CSMS's verdict on a token (C10.FR.?: every status, not only Accepted), evicting per policy.</summary>
    public void Store(IdTokenType token, IdTokenInfoType info)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(info);
        if (!Enabled)
        {
            return;
        }

        var now = _time.GetUtcNow();
        var lifetimeEnd = now.AddSeconds(_deviceModel.GetInt("AuthCacheCtrlr", "LifeTime"));
        var expires = info.CacheExpiryDateTime is { } explicitEnd && explicitEnd < lifetimeEnd ? explicitEnd : lifetimeEnd;
        var order = _deviceModel.GetString("AuthCacheCtrlr", "Policy") switch
        {
            "LFU" => "uses, used_at",
            "FIFO" => "stored_at",
            _ => "used_at",
        };
        _database.Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using var upsert = connection.CreateCommand();
            upsert.Transaction = transaction;
            upsert.CommandText = """
                INSERT INTO auth_cache(key, info, expires_at, stored_at, used_at, uses) VALUES ($k, $i, $e, $now, $now, 0)
                ON CONFLICT(key) DO UPDATE SET info = excluded.info, expires_at = excluded.expires_at, stored_at = excluded.stored_at, used_at = excluded.used_at
                """;
            upsert.Parameters.AddWithValue("$k", IdTokenKey.Of(token));
            upsert.Parameters.AddWithValue("$i", IdTokenKey.Json(info));
            upsert.Parameters.AddWithValue("$e", Stamp(expires));
            upsert.Parameters.AddWithValue("$now", Stamp(now));
            upsert.ExecuteNonQuery();
            using var evict = connection.CreateCommand();
            evict.Transaction = transaction;
            evict.CommandText = $"""
                DELETE FROM auth_cache WHERE key IN (
                    SELECT key FROM auth_cache ORDER BY {order}
                    LIMIT MAX(0, (SELECT COUNT(*) FROM auth_cache) - $cap))
                """;
            evict.Parameters.AddWithValue("$cap", Capacity);
            evict.ExecuteNonQuery();
            transaction.Commit();
            return 0;
        });
    }

    /// <summary>C11 ClearCache.</summary>
    public void Clear() => Execute("DELETE FROM auth_cache");

    public void Remove(IdTokenType token) => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM auth_cache WHERE key = $k";
        command.Parameters.AddWithValue("$k", IdTokenKey.Of(token));
        return command.ExecuteNonQuery();
    });

    // Fixed-width UTC stamps sort as text, which the eviction ORDER BY relies on.
    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private void Execute(string sql) => _database.Use(connection =>
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    });
}
