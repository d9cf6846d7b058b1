using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.SmartCharging.Wire;

/// <summary>Block K requests from the strict CSMS to a whole station (one bidirectional DC EVSE, 22 kW both ways).</summary>
public sealed class SmartChargingPeerTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public SmartChargingPeerTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task A_discharging_W_tx_profile_is_accepted_with_v2x_on_and_shapes_the_composite_schedule()
    {
        const string Id = "sc-v2x-on";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var transactionId = station.Runtime.Station.Transactions.TransactionId(1)!;

        var set = await _peer.CallResultAsync(Id, "SetChargingProfile", SetRequest(transactionId, 11, limit: 11000, dischargeLimit: -7000, setpoint: -5000));
        Assert.Equal("Accepted", set.GetProperty("status").GetString());

        var composite = await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":3600,"evseId":1,"chargingRateUnit":"W"}""");
        Assert.Equal("Accepted", composite.GetProperty("status").GetString());
        var schedule = composite.GetProperty("schedule");
        Assert.Equal(3600, schedule.GetProperty("duration").GetInt32());
        var period = Assert.Single(schedule.GetProperty("chargingSchedulePeriod").EnumerateArray());
        Assert.Equal(0, period.GetProperty("startPeriod").GetInt32());
        Assert.Equal(11000, period.GetProperty("limit").GetDouble());
        Assert.Equal(-7000, period.GetProperty("dischargeLimit").GetDouble());
        Assert.Equal(-5000, period.GetProperty("setpoint").GetDouble());
        Assert.Equal("CentralSetpoint", period.GetProperty("operationMode").GetString());

        // In A at the 400 V DC nominal voltage: 11 kW = 27.5 A, -7 kW = -17.5 A.
        var amps = (await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":60,"evseId":1,"chargingRateUnit":"A"}""")).GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0];
        Assert.Equal((27.5, -17.5), (amps.GetProperty("limit").GetDouble(), amps.GetProperty("dischargeLimit").GetDouble()));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task The_same_profile_is_rejected_with_a_reason_once_the_csms_disables_v2x_and_nothing_is_installed()
    {
        const string Id = "sc-v2x-off";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var transactionId = station.Runtime.Station.Transactions.TransactionId(1)!;
        var off = await _peer.CallResultAsync(Id, "SetVariables",
            """{"setVariableData":[{"attributeValue":"false","component":{"name":"V2XChargingCtrlr","evse":{"id":1}},"variable":{"name":"Enabled"}}]}""");
        Assert.Equal("Accepted", off.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());

        // CentralSetpoint is a V2X operation mode: refused first for the mode (K01.FR.115).
        var set = await _peer.CallResultAsync(Id, "SetChargingProfile", SetRequest(transactionId, 12, limit: 11000, dischargeLimit: -7000, setpoint: -5000));
        Assert.Equal("Rejected", set.GetProperty("status").GetString());
        Assert.Equal("InvalidOperationMode", set.GetProperty("statusInfo").GetProperty("reasonCode").GetString());

        // A negative (legacy discharge) limit without any V2X mode is refused for the sign.
        var negative = await _peer.CallResultAsync(Id, "SetChargingProfile", SetRequest(transactionId, 13, limit: -7000, dischargeLimit: null, setpoint: null));
        Assert.Equal("Rejected", negative.GetProperty("status").GetString());
        Assert.Equal("InvalidValue", negative.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Contains("V2X enabled", negative.GetProperty("statusInfo").GetProperty("additionalInfo").GetString(), StringComparison.Ordinal);
        var get = await _peer.CallResultAsync(Id, "GetChargingProfiles", """{"requestId":1,"chargingProfile":{}}""");
        Assert.Equal("NoProfiles", get.GetProperty("status").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Bad_profiles_are_rejected_with_their_reason_and_the_installed_profile_stays_as_it_was()
    {
        const string Id = "sc-bad";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        Assert.Equal("Accepted", (await _peer.CallResultAsync(Id, "SetChargingProfile", DefaultRequest(21, stackLevel: 1, firstStart: 0, limit: 16))).GetProperty("status").GetString());

        await AssertRejected(Id, DefaultRequest(21, stackLevel: 1, firstStart: 10, limit: 6), "InvalidSchedule"); // same id, first period not at 0
        await AssertRejected(Id, DefaultRequest(22, stackLevel: 99, firstStart: 0, limit: 6), "InvalidStackLevel"); // above ProfileStackLevel 8
        await AssertRejected(Id, DefaultRequest(23, stackLevel: 1, firstStart: 0, limit: 6), "DuplicateProfile"); // K01.FR.39
        await AssertRejected(Id, SetRequest("no-such-transaction", 24, limit: 6, dischargeLimit: null, setpoint: null), "TxNotFound");
        await AssertRejected(Id, WithPurpose(DefaultRequest(25, stackLevel: 2, firstStart: 0, limit: 6), "ChargingStationMaxProfile"), "InvalidProfile"); // K01.FR.03: evseId 0 only
        await AssertRejected(Id, WithPurpose(DefaultRequest(26, stackLevel: 2, firstStart: 0, limit: 6), "ChargingStationExternalConstraints"), "InvalidProfile"); // K01.FR.22
        await AssertRejected(Id, WithPurpose(DefaultRequest(27, stackLevel: 2, firstStart: 0, limit: 6), "TxProfile").Replace("\"evseId\":1", "\"evseId\":0", StringComparison.Ordinal), "InvalidProfile"); // K01.FR.16
        await AssertRejected(Id, WithPeriods(DefaultRequest(28, stackLevel: 2, firstStart: 0, limit: 6), 25), "InvalidSchedule"); // PeriodsPerSchedule 24
        await AssertRejected(Id, DefaultRequest(21, stackLevel: 1, firstStart: 0, limit: -6), "InvalidValue"); // same id, discharge in ChargingOnly mode

        var get = await _peer.CallResultAsync(Id, "GetChargingProfiles", """{"requestId":5,"evseId":1,"chargingProfile":{"chargingProfilePurpose":"TxDefaultProfile"}}""");
        Assert.Equal("Accepted", get.GetProperty("status").GetString());
        var report = (await _peer.WaitForCallsAsync("ReportChargingProfiles", 1, Id)).Single();
        Assert.Equal((5, 1, "CSO"), (report.GetProperty("requestId").GetInt32(), report.GetProperty("evseId").GetInt32(), report.GetProperty("chargingLimitSource").GetString()));
        var profile = Assert.Single(report.GetProperty("chargingProfile").EnumerateArray());
        Assert.Equal(21, profile.GetProperty("id").GetInt32());
        Assert.Equal(16, profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        Assert.False(report.TryGetProperty("tbc", out _));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Many_profiles_are_reported_in_parts_with_tbc_and_clear_removes_them()
    {
        const string Id = "sc-report";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        for (var level = 0; level <= 8; level++)
        {
            Assert.Equal("Accepted", (await _peer.CallResultAsync(Id, "SetChargingProfile", DefaultRequest(100 + level, level, 0, 10 + level))).GetProperty("status").GetString());
        }

        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;
        for (var level = 0; level <= 2; level++)
        {
            Assert.Equal("Accepted", (await _peer.CallResultAsync(Id, "SetChargingProfile", SetRequest(tx, 200 + level, 5000 + level, null, null, level))).GetProperty("status").GetString());
        }

        Assert.Equal("Accepted", (await _peer.CallResultAsync(Id, "GetChargingProfiles", """{"requestId":9,"chargingProfile":{}}""")).GetProperty("status").GetString());
        var reports = await _peer.WaitForCallsAsync("ReportChargingProfiles", 2, Id);
        Assert.Equal(12, reports.Sum(r => r.GetProperty("chargingProfile").GetArrayLength()));
        Assert.True(reports[0].GetProperty("tbc").GetBoolean());
        Assert.False(reports[^1].TryGetProperty("tbc", out _));

        var clearOne = await _peer.CallResultAsync(Id, "ClearChargingProfile", """{"chargingProfileId":100}""");
        Assert.Equal("Accepted", clearOne.GetProperty("status").GetString());
        Assert.Equal("Unknown", (await _peer.CallResultAsync(Id, "ClearChargingProfile", """{"chargingProfileId":100}""")).GetProperty("status").GetString());
        var clearTx = await _peer.CallResultAsync(Id, "ClearChargingProfile", """{"chargingProfileCriteria":{"chargingProfilePurpose":"TxProfile"}}""");
        Assert.Equal("Accepted", clearTx.GetProperty("status").GetString());
        Assert.Equal("NoProfiles", (await _peer.CallResultAsync(Id, "GetChargingProfiles", """{"requestId":10,"chargingProfile":{"chargingProfilePurpose":"TxProfile"}}""")).GetProperty("status").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Composite_requests_outside_the_window_or_for_an_unknown_evse_are_rejected()
    {
        const string Id = "sc-composite-range";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);

        var tooLong = await _peer.CallResultAsync(Id, "GetCompositeSchedule", $$$"""{"duration":{{{(31 * 86400) + 1}}},"evseId":1}""");
        Assert.Equal(("Rejected", "OutOfRange"), (tooLong.GetProperty("status").GetString(), tooLong.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        var unknown = await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":60,"evseId":5}""");
        Assert.Equal("UnknownEvse", unknown.GetProperty("statusInfo").GetProperty("reasonCode").GetString());

        // The station's schedule under a 20 kW ChargingStationMaxProfile, in W and in A (DC: 400 V, one "phase").
        var max = await _peer.CallResultAsync(Id, "SetChargingProfile", """
            {"evseId":0,"chargingProfile":{"id":31,"stackLevel":0,"chargingProfilePurpose":"ChargingStationMaxProfile","chargingProfileKind":"Absolute",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","startSchedule":"2026-01-01T00:00:00Z","chargingSchedulePeriod":[{"startPeriod":0,"limit":20000}]}]}}
            """);
        Assert.Equal("Accepted", max.GetProperty("status").GetString());
        var watts = await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":60,"evseId":0,"chargingRateUnit":"W"}""");
        var amps = await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":60,"evseId":0,"chargingRateUnit":"A"}""");
        var evseAmps = await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":60,"evseId":1,"chargingRateUnit":"A"}""");
        Assert.Equal(("Accepted", 0, "W"), (watts.GetProperty("status").GetString(), watts.GetProperty("schedule").GetProperty("evseId").GetInt32(), watts.GetProperty("schedule").GetProperty("chargingRateUnit").GetString()));
        Assert.Equal(20_000, watts.GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        Assert.Equal(("A", 50.0), (amps.GetProperty("schedule").GetProperty("chargingRateUnit").GetString(), amps.GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble()));
        Assert.Equal(50, evseAmps.GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        Assert.Empty(_peer.StrictValidationFailures);
    }


    [Fact]
    public async Task Accepted_changes_are_announced_and_profiles_survive_a_restart()
    {
        const string Id = "sc-restart";
        var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var changes = 0;
        station.Runtime.SmartCharging.ProfilesChanged += () => changes++;
        await _peer.CallResultAsync(Id, "SetChargingProfile", DefaultRequest(41, stackLevel: 2, firstStart: 0, limit: 16));
        await AssertRejected(Id, DefaultRequest(42, stackLevel: 3, firstStart: 5, limit: 10), "InvalidSchedule");
        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;
        await _peer.CallResultAsync(Id, "SetChargingProfile", SetRequest(tx, 43, limit: 9000, dischargeLimit: null, setpoint: null));
        Assert.Equal(2, changes);
        // The TxProfile wins over the default: 9 kW at the 400 V DC nominal voltage.
        Assert.Equal(22.5, station.Runtime.SmartCharging.Composite(1, 60, ChargePoint.Ocpp.SmartCharging.ChargingRateUnit.A).ChargingSchedulePeriod[0].Limit);

        var storage = station.StoragePath;
        await station.DisposeAsync();
        var statusBefore = _peer.CallsFromStation("StatusNotification", Id).Count;
        await using var restarted = new StationHarness(_peer, Id, storage).Start();
        await _peer.WaitForCallsAsync("StatusNotification", statusBefore + 1, Id);

        // ChargingProfilePersistence[TxProfile] is false: only the default profile was reloaded.
        Assert.Equal([41], restarted.Runtime.SmartCharging.Store.Profiles.Select(p => p.Profile.Id));

        Assert.Equal("Accepted", (await _peer.CallResultAsync(Id, "GetChargingProfiles", """{"requestId":41,"chargingProfile":{"chargingProfileId":[41]}}""")).GetProperty("status").GetString());
        var report = (await _peer.WaitForCallsAsync("ReportChargingProfiles", 1, Id)).Single();
        var profile = Assert.Single(report.GetProperty("chargingProfile").EnumerateArray());
        Assert.Equal(16, profile.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    private async Task AssertRejected(string id, string request, string reasonCode)
    {
        var answer = await _peer.CallResultAsync(id, "SetChargingProfile", request);
        Assert.Equal("Rejected", answer.GetProperty("status").GetString());
        Assert.Equal(reasonCode, answer.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
    }


    private static string SetRequest(string transactionId, int profileId, double limit, double? dischargeLimit, double? setpoint, int stackLevel = 0)
    {
        var period = new JsonObject { ["startPeriod"] = 0, ["limit"] = limit };
        if (dischargeLimit is { } d)
        {
            period["dischargeLimit"] = d;
            period["setpoint"] = setpoint;
            period["operationMode"] = "CentralSetpoint";
        }

        return new JsonObject
        {
            ["evseId"] = 1,
            ["chargingProfile"] = new JsonObject
            {
                ["id"] = profileId,
                ["stackLevel"] = stackLevel,
                ["chargingProfilePurpose"] = "TxProfile",
                ["chargingProfileKind"] = "Relative",
                ["transactionId"] = transactionId,
                ["chargingSchedule"] = new JsonArray(new JsonObject { ["id"] = 1, ["chargingRateUnit"] = "W", ["chargingSchedulePeriod"] = new JsonArray(period) }),
            },
        }.ToJsonString();
    }

    private static string WithPurpose(string request, string purpose) =>
        request.Replace("\"TxDefaultProfile\"", $"\"{purpose}\"", StringComparison.Ordinal);

    /// <summary>The request with <paramref name="count"/> periods a minute apart.</summary>
    private static string WithPeriods(string request, int count)
    {
        var json = JsonNode.Parse(request)!;
        json["chargingProfile"]!["chargingSchedule"]![0]!["chargingSchedulePeriod"] =
            new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["startPeriod"] = i * 60, ["limit"] = 6 })]);
        return json.ToJsonString();
    }

    private static string DefaultRequest(int profileId, int stackLevel, int firstStart, double limit) => $$$"""
        {"evseId":1,"chargingProfile":{"id":{{{profileId}}},"stackLevel":{{{stackLevel}}},"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Relative",
         "chargingSchedule":[{"id":1,"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":{{{firstStart}}},"limit":{{{limit}}}}]}]}}
        """;
}
