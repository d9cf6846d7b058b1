using ChargePoint.Ocpp.Authorization;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Storage;
using ChargePoint.TestUtilities;

namespace ChargePoint.Ocpp.Tests.Authorization;

/// <summary>C10: lifetime, cacheExpiryDateTime and the eviction policies of the authorization cache.</summary>
public sealed class AuthorizationCacheTests : IDisposable
{
    private static readonly IdTokenType A = Token("AAA"), B = Token("BBB"), C = Token("CCC");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly StationDatabase _database = new(Directory.CreateTempSubdirectory("cp-cache-").FullName);
    private readonly DeviceModelService _deviceModel;

    public AuthorizationCacheTests() =>
        _deviceModel = new DeviceModelService(StationDeviceModel.Declare(StationLayout.BidirectionalDc(), 1, "cache"), new DeviceModelStore(_database), _time);

    public void Dispose() => _database.Dispose();

    [Fact]
    public void An_entry_expires_after_the_lifetime_or_its_own_earlier_expiry_and_ids_compare_case_insensitively()
    {
        _deviceModel.SetInternal("AuthCacheCtrlr", "LifeTime", "3600");
        var cache = new AuthorizationCache(_database, _deviceModel, _time);
        cache.Store(A, Accepted());
        cache.Store(B, Accepted(expires: _time.GetUtcNow().AddMinutes(10)));
        Assert.Equal(AuthorizationStatusEnumType.Accepted, cache.Find(Token("aaa"))!.Status);

        _time.Advance(TimeSpan.FromMinutes(11));
        Assert.NotNull(cache.Find(A));
        Assert.Null(cache.Find(B));
        _time.Advance(TimeSpan.FromMinutes(50));
        Assert.Null(cache.Find(A));
        Assert.Equal(0, cache.Count);
    }

    [Theory]
    [InlineData("LRU", "BBB")]
    [InlineData("FIFO", "AAA")]
    [InlineData("LFU", "CCC")]
    public void A_full_cache_evicts_by_policy(string policy, string evicted)
    {
        _deviceModel.SetInternal("AuthCacheCtrlr", "Policy", policy);
        var cache = new AuthorizationCache(_database, _deviceModel, _time, capacity: 3);
        foreach (var token in new[] { A, B, C })
        {
            cache.Store(token, Accepted());
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        cache.Find(A); // A: used last and most often with B; C never used
        _time.Advance(TimeSpan.FromSeconds(1));
        cache.Find(B);
        _time.Advance(TimeSpan.FromSeconds(1));
        cache.Find(A);
        _time.Advance(TimeSpan.FromSeconds(1));
        if (policy == "LRU")
        {
            cache.Find(C); // LRU victim is then B, the least recently used
        }

        cache.Store(Token("DDD"), Accepted());
        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Find(Token(evicted)));
        Assert.NotNull(cache.Find(Token("DDD")));
    }

    [Fact]
    public void A_disabled_cache_neither_stores_nor_answers()
    {
        var cache = new AuthorizationCache(_database, _deviceModel, _time);
        cache.Store(A, Accepted());
        _deviceModel.SetInternal("AuthCacheCtrlr", "Enabled", "false");
        Assert.Null(cache.Find(A));
        cache.Store(B, Accepted());
        _deviceModel.SetInternal("AuthCacheCtrlr", "Enabled", "true");
        Assert.Null(cache.Find(B));
        Assert.NotNull(cache.Find(A));
    }

    private static IdTokenType Token(string id) => new() { IdToken = id, Type = "ISO14443" };

    private static IdTokenInfoType Accepted(DateTimeOffset? expires = null) =>
        new() { Status = AuthorizationStatusEnumType.Accepted, CacheExpiryDateTime = expires };
}
