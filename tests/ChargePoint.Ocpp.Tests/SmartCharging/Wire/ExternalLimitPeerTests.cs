using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;
using ChargePoint.Ocpp.Tests.Peer;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.Tests.SmartCharging.Wire;

/// <summary>
/// A local external system's limit (K11-K13) and priority charging (K21) through the client's handlers, against the
/// strict CSMS: what the CSMS is told, and what its GetCompositeSchedule then shows.
/// </summary>
public sealed class ExternalLimitPeerTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public ExternalLimitPeerTests(PeerFixture fixture) => _peer = fixture.Peer;

    private static ChargingProfile SiteLimit(double limit) => new(-1, 0, ChargingProfilePurpose.ChargingStationExternalConstraints, ChargingProfileKind.Absolute,
        [new ChargingSchedule(1, ChargingRateUnit.W, [new ChargingSchedulePeriod(0) { Limit = limit }]) { StartSchedule = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) }]);

    [Fact]
    public async Task An_external_limit_is_reported_with_its_schedule_only_when_it_changes_significantly_and_its_release_is_reported()
    {
        const string Id = "ext-limit";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var runtime = station.Runtime;
        var tx = runtime.Station.Transactions.TransactionId(1)!;
        var withSchedules = await _peer.CallResultAsync(Id, "SetVariables",
            """{"setVariableData":[{"attributeValue":"true","component":{"name":"SmartChargingCtrlr"},"variable":{"name":"NotifyChargingLimitWithSchedules"}}]}""");
        Assert.Equal("Accepted", withSchedules.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
        var reporter = new ExternalLimitReporter(runtime.V2x, runtime.Station.Transactions, runtime.DeviceModel, NullLogger.Instance);

        Assert.Equal(ChargingProfileVerdict.Accepted, runtime.SmartCharging.SetExternalProfile(0, SiteLimit(10_000), "EMS"));
        var first = await reporter.LimitSetAsync(0, SiteLimit(10_000), "EMS");
        var insignificant = await reporter.LimitSetAsync(0, SiteLimit(10_050), "EMS"); // 0.5 % < LimitChangeSignificance 1 %
        Assert.Equal(ChargingProfileVerdict.Accepted, runtime.SmartCharging.SetExternalProfile(0, SiteLimit(8_000), "EMS"));
        var second = await reporter.LimitSetAsync(0, SiteLimit(8_000), "EMS");
        var composite = await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":600,"evseId":1,"chargingRateUnit":"W"}""");
        Assert.True(runtime.SmartCharging.ClearExternalProfile(-1));
        var cleared = await reporter.LimitClearedAsync(0, "EMS");
        var after = await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":600,"evseId":1,"chargingRateUnit":"W"}""");
        await _peer.WaitForAsync(_ => TransactionEvents(Id, tx).Count(IsRateChange) == 3, TimeSpan.FromSeconds(10));

        Assert.Equal((true, false, true, true), (first, insignificant, second, cleared));
        var notified = _peer.CallsFromStation("NotifyChargingLimit", Id);
        Assert.Equal(2, notified.Count);
        Assert.All(notified, n => Assert.Equal("EMS", n.GetProperty("chargingLimit").GetProperty("chargingLimitSource").GetString()));
        Assert.Equal([10_000.0, 8_000.0], notified.Select(n => n.GetProperty("chargingSchedule")[0].GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble()));
        Assert.Equal("EMS", Assert.Single(_peer.CallsFromStation("ClearedChargingLimit", Id)).GetProperty("chargingLimitSource").GetString());
        Assert.Equal(8_000, composite.GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble());
        Assert.True(after.GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble() > 8_000);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Use_priority_charging_switches_the_composite_schedule_to_the_priority_profile_and_back()
    {
        const string Id = "priority-composite";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;
        var changes = 0;
        station.Runtime.SmartCharging.ProfilesChanged += () => Interlocked.Increment(ref changes);
        var txProfile = await _peer.CallResultAsync(Id, "SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":61,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","transactionId":"{{{tx}}}",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","startSchedule":"2026-01-01T00:00:00Z","chargingSchedulePeriod":[{"startPeriod":0,"limit":6000}]}]}}
            """);
        var priority = await _peer.CallResultAsync(Id, "SetChargingProfile", """
            {"evseId":0,"chargingProfile":{"id":62,"stackLevel":0,"chargingProfilePurpose":"PriorityCharging","chargingProfileKind":"Absolute",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","startSchedule":"2026-01-01T00:00:00Z","chargingSchedulePeriod":[{"startPeriod":0,"limit":20000}]}]}}
            """);

        var before = await Limit(Id);
        var on = await _peer.CallResultAsync(Id, "UsePriorityCharging", $$"""{"transactionId":"{{tx}}","activate":true}""");
        var boosted = await Limit(Id);
        var off = await _peer.CallResultAsync(Id, "UsePriorityCharging", $$"""{"transactionId":"{{tx}}","activate":false}""");
        var after = await Limit(Id);

        Assert.Equal(("Accepted", "Accepted", "Accepted", "Accepted"), (Status(txProfile), Status(priority), Status(on), Status(off)));
        Assert.Equal((6000.0, 20_000.0, 6000.0), (before, boosted, after));
        Assert.True(changes >= 4, "the charge loop is not told that the composite changed");
        Assert.False(station.Runtime.V2x.IsPriorityCharging(tx));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    private async Task<double> Limit(string id) =>
        (await _peer.CallResultAsync(id, "GetCompositeSchedule", """{"duration":60,"evseId":1,"chargingRateUnit":"W"}"""))
            .GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDouble();

    private static string? Status(System.Text.Json.JsonElement result) => result.GetProperty("status").GetString();

    private static bool IsRateChange(System.Text.Json.JsonElement e) => e.GetProperty("triggerReason").GetString() == "ChargingRateChanged";

    private IEnumerable<System.Text.Json.JsonElement> TransactionEvents(string id, string tx) =>
        _peer.CallsFromStation("TransactionEvent", id).Where(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString() == tx);
}
