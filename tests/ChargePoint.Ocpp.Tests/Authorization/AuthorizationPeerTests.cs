using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Authorization;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Station;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.Tests.Authorization;

/// <summary>Blocks C and D against the strict CSMS: Authorize, cache, local list and the offline policies.</summary>
public sealed class AuthorizationPeerTests : IClassFixture<PeerFixture>
{
    private static readonly IdTokenType Card = new() { IdToken = "04A2B3C4D5E6F7", Type = "ISO14443" };
    private readonly StrictCsmsPeer _peer;

    public AuthorizationPeerTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task The_csms_answer_is_used_with_its_allowed_energy_transfer_and_cached_for_offline_use()
    {
        const string Id = "auth-csms";
        string storage;
        await using (var station = await StartedAsync(Id))
        {
            storage = station.StoragePath;
            await _peer.RespondAsync("Authorize", new JsonObject
            {
                ["idTokenInfo"] = new JsonObject { ["status"] = "Accepted" },
                ["allowedEnergyTransfer"] = new JsonArray("DC_BPT", "DC"),
            }, times: 1);
            var online = await station.Runtime.Authorization.AuthorizeAsync(Card, CancellationToken.None);
            Assert.True(online.IsAccepted);
            Assert.Equal(AuthorizationSource.Csms, online.Source);
            Assert.Equal([EnergyTransferModeEnumType.DC_BPT, EnergyTransferModeEnumType.DC], online.AllowedEnergyTransfer);
            var request = Assert.Single(_peer.CallsFromStation("Authorize", Id));
            Assert.Equal(Card.IdToken, request.GetProperty("idToken").GetProperty("idToken").GetString());
        }

        // Same storage, never connected: the station is offline.
        await using var offline = Offline(Id, storage);
        var cached = await offline.Authorization.AuthorizeAsync(Card, CancellationToken.None);
        Assert.Equal((AuthorizationStatusEnumType.Accepted, AuthorizationSource.Cache), (cached.Status, cached.Source));

        var stranger = new IdTokenType { IdToken = "UNKNOWN-1", Type = "ISO14443" };
        Assert.Equal(AuthorizationSource.Unknown, (await offline.Authorization.AuthorizeAsync(stranger, CancellationToken.None)).Source);
        offline.DeviceModel.SetInternal("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true");
        var allowed = await offline.Authorization.AuthorizeAsync(stranger, CancellationToken.None);
        Assert.Equal((true, AuthorizationSource.OfflineUnknownAllowed), (allowed.IsAccepted, allowed.Source));
        offline.DeviceModel.SetInternal("AuthCtrlr", "LocalAuthorizeOffline", "false");
        Assert.Equal(AuthorizationStatusEnumType.Unknown, (await offline.Authorization.AuthorizeAsync(Card, CancellationToken.None)).Status);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Local_list_updates_follow_the_version_rules_skip_the_csms_with_pre_authorize_and_survive_restart()
    {
        const string Id = "auth-list";
        string storage;
        await using (var station = await StartedAsync(Id))
        {
            storage = station.StoragePath;
            Assert.Equal("Accepted", await ResultAsync("SendLocalList", List(3, "Full", ("AAA", "Accepted"), ("BBB", "Blocked"))));
            Assert.Equal(3, (await _peer.CallAsync("GetLocalListVersion", new JsonObject(), Id)).GetProperty("result").GetProperty("versionNumber").GetInt32());
            Assert.Equal("VersionMismatch", await ResultAsync("SendLocalList", List(3, "Differential", ("CCC", "Accepted"))));
            Assert.Equal("Accepted", await ResultAsync("SendLocalList", List(4, "Differential", ("BBB", null), ("CCC", "Accepted"))));
            Assert.Equal("2", station.Runtime.DeviceModel.GetString("LocalAuthListCtrlr", "Entries"));

            station.Runtime.DeviceModel.SetInternal("AuthCtrlr", "LocalPreAuthorize", "true");
            var decision = await station.Runtime.Authorization.AuthorizeAsync(Token("aaa"), CancellationToken.None);
            Assert.Equal((true, AuthorizationSource.LocalList), (decision.IsAccepted, decision.Source));
            Assert.Empty(_peer.CallsFromStation("Authorize", Id));
        }

        await using var restarted = Offline(Id, storage);
        Assert.Equal(4, restarted.Authorization.LocalList.Version);
        Assert.Equal(AuthorizationSource.LocalList, (await restarted.Authorization.AuthorizeAsync(Token("CCC"), CancellationToken.None)).Source);
        Assert.Equal(AuthorizationSource.Unknown, (await restarted.Authorization.AuthorizeAsync(Token("BBB"), CancellationToken.None)).Source);
        Assert.Empty(_peer.StrictValidationFailures);

        async Task<string?> ResultAsync(string action, JsonObject payload) =>
            (await _peer.CallAsync(action, payload, Id)).GetProperty("result").GetProperty("status").GetString();
    }

    [Fact]
    public async Task Clear_cache_empties_the_cache_and_is_rejected_while_the_cache_is_disabled()
    {
        const string Id = "auth-clear";
        await using var station = await StartedAsync(Id);
        await station.Runtime.Authorization.AuthorizeAsync(Card, CancellationToken.None);
        Assert.Equal(1, station.Runtime.Authorization.Cache.Count);
        Assert.Equal("Accepted", (await _peer.CallAsync("ClearCache", new JsonObject(), Id)).GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(0, station.Runtime.Authorization.Cache.Count);
        station.Runtime.DeviceModel.SetInternal("AuthCacheCtrlr", "Enabled", "false");
        Assert.Equal("Rejected", (await _peer.CallAsync("ClearCache", new JsonObject(), Id)).GetProperty("result").GetProperty("status").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    internal static IdTokenType Token(string id) => new() { IdToken = id, Type = "ISO14443" };

    internal async Task<StationHarness> StartedAsync(string id)
    {
        var station = new StationHarness(_peer, id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, id);
        return station;
    }

    private OcppStationRuntime Offline(string id, string storage) =>
        new(PeerFixture.TestOptions(_peer, id), storage, StationLayout.BidirectionalDc(), TimeProvider.System, NullLoggerFactory.Instance);

    private static JsonObject List(int version, string type, params (string Id, string? Status)[] entries) => new()
    {
        ["versionNumber"] = version,
        ["updateType"] = type,
        ["localAuthorizationList"] = new JsonArray([.. entries.Select(e =>
        {
            var entry = new JsonObject { ["idToken"] = new JsonObject { ["idToken"] = e.Id, ["type"] = "ISO14443" } };
            if (e.Status is not null)
            {
                entry["idTokenInfo"] = new JsonObject { ["status"] = e.Status };
            }

            return (JsonNode)entry;
        })]),
    };
}
