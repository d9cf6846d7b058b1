using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Authorization;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.Authorization;

/// <summary>RequestStartTransaction with a chargingProfile (F01.FR.08-11, K05) against the strict CSMS.</summary>
public sealed class RemoteStartProfileTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public RemoteStartProfileTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task The_profile_of_a_remote_start_is_installed_bound_to_the_transaction_that_starts_when_the_ev_plugs_in()
    {
        const string Id = "rs-profile";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        var starts = new List<RemoteStart>();
        station.Runtime.RemoteTransactions.StartRequested += starts.Add;

        var answer = await _peer.CallAsync("RequestStartTransaction", StartRequest(31, Profile(501, "TxProfile")), Id);
        Assert.Equal("Accepted", answer.GetProperty("result").GetProperty("status").GetString());
        await TxAssert.WaitUntilAsync(() => starts.Count == 1);
        Assert.Equal(501, starts[0].ChargingProfile!.Id);
        Assert.Empty(station.Runtime.SmartCharging.Store.Profiles); // no transaction yet (TxStartPoint EVConnected)

        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        var started = (await _peer.WaitForCallsAsync("TransactionEvent", 1, Id))[0];
        var transactionId = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString();
        Assert.Equal(31, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        await TxAssert.WaitUntilAsync(() => !station.Runtime.SmartCharging.Store.Profiles.IsEmpty);

        // The CSMS sees it as the transaction's TxProfile, and it shapes the composite schedule.
        var report = await ReportedProfileAsync(Id, 77);
        Assert.Equal((501, "TxProfile", transactionId), (report.GetProperty("id").GetInt32(), report.GetProperty("chargingProfilePurpose").GetString(), report.GetProperty("transactionId").GetString()));
        var composite = await _peer.CallAsync("GetCompositeSchedule", JsonNode.Parse("""{"duration":600,"evseId":1,"chargingRateUnit":"W"}""")!, Id);
        Assert.Equal(7400, composite.GetProperty("result").GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_remote_start_while_a_transaction_runs_binds_the_profile_to_that_transaction_at_once()
    {
        const string Id = "rs-profile-f02";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        var running = (await _peer.WaitForCallsAsync("TransactionEvent", 1, Id))[0].GetProperty("transactionInfo").GetProperty("transactionId").GetString();

        var answer = await _peer.CallAsync("RequestStartTransaction", StartRequest(32, Profile(502, "TxProfile")), Id);
        Assert.Equal("Accepted", answer.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(running, answer.GetProperty("result").GetProperty("transactionId").GetString());
        await TxAssert.WaitUntilAsync(() => !station.Runtime.SmartCharging.Store.Profiles.IsEmpty);
        var installed = Assert.Single(station.Runtime.SmartCharging.Store.Profiles);
        Assert.Equal((1, running, ChargingProfilePurpose.TxProfile), (installed.EvseId, installed.Profile.TransactionId, installed.Profile.ChargingProfilePurpose));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    public static TheoryData<string, JsonObject, string> RefusedProfiles => new()
    {
        { "rs-refused-purpose", Profile(503, "TxDefaultProfile"), "InvalidProfile" },
        { "rs-refused-txid", Patch(Profile(504, "TxProfile"), "transactionId", "some-transaction"), "InvalidProfile" },
        { "rs-refused-schedule", Profile(505, "TxProfile", firstStart: 60), "InvalidSchedule" },
        { "rs-refused-stack", Patch(Profile(506, "TxProfile"), "stackLevel", 99), "InvalidStackLevel" },
    };

    [Theory]
    [MemberData(nameof(RefusedProfiles))]
    public async Task A_remote_start_with_a_profile_the_station_refuses_is_rejected_and_changes_nothing(string id, JsonObject profile, string reason)
    {
        await using var station = new StationHarness(_peer, id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, id);
        station.Runtime.DeviceModel.SetInternal("TxCtrlr", "TxStartPoint", "Authorized");
        var starts = new List<RemoteStart>();
        station.Runtime.RemoteTransactions.StartRequested += starts.Add;

        var answer = await _peer.CallAsync("RequestStartTransaction", StartRequest(33, profile), id);
        var result = answer.GetProperty("result");
        Assert.Equal(("Rejected", reason), (result.GetProperty("status").GetString(), result.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));

        // Not authorized, not started, no profile: a later plain start proves the station is still usable.
        await _peer.CallAsync("RequestStartTransaction", StartRequest(34, null), id);
        var started = (await _peer.WaitForCallsAsync("TransactionEvent", 1, id))[0];
        Assert.Equal(34, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Single(_peer.CallsFromStation("Authorize", id));
        Assert.Equal([34], starts.Select(s => s.RemoteStartId));
        Assert.Empty(station.Runtime.SmartCharging.Store.Profiles);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    private async Task<System.Text.Json.JsonElement> ReportedProfileAsync(string id, int requestId)
    {
        var get = await _peer.CallAsync("GetChargingProfiles", new JsonObject { ["requestId"] = requestId, ["chargingProfile"] = new JsonObject { ["chargingProfilePurpose"] = "TxProfile" } }, id);
        Assert.Equal("Accepted", get.GetProperty("result").GetProperty("status").GetString());
        var reports = await _peer.WaitForCallsAsync("ReportChargingProfiles", 1, id);
        return Assert.Single(reports.Single(r => r.GetProperty("requestId").GetInt32() == requestId).GetProperty("chargingProfile").EnumerateArray());
    }

    private static JsonObject StartRequest(int remoteStartId, JsonObject? profile)
    {
        var request = new JsonObject
        {
            ["evseId"] = 1,
            ["remoteStartId"] = remoteStartId,
            ["idToken"] = new JsonObject { ["idToken"] = "REMOTE-" + remoteStartId, ["type"] = "Central" },
        };
        if (profile is not null)
        {
            request["chargingProfile"] = profile;
        }

        return request;
    }

    private static JsonObject Profile(int id, string purpose, int firstStart = 0) => new()
    {
        ["id"] = id,
        ["stackLevel"] = 0,
        ["chargingProfilePurpose"] = purpose,
        ["chargingProfileKind"] = "Relative",
        ["chargingSchedule"] = new JsonArray(new JsonObject
        {
            ["id"] = 1,
            ["chargingRateUnit"] = "W",
            ["chargingSchedulePeriod"] = new JsonArray(new JsonObject { ["startPeriod"] = firstStart, ["limit"] = 7400 }),
        }),
    };

    private static JsonObject Patch(JsonObject data, string name, JsonNode value)
    {
        data[name] = value;
        return data;
    }
}
