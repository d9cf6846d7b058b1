using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.SmartCharging.Wire;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.SmartCharging.Wire;

/// <summary>AFRRSignal, NotifyAllowedEnergyTransfer, UsePriorityCharging, the station's V2X notifications and the
/// PullDynamicScheduleUpdate timer, against the strict CSMS.</summary>
public sealed class V2xQBlockPeerTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public V2xQBlockPeerTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task An_afrr_signal_is_kept_and_turned_into_power_through_the_active_signal_watt_curve()
    {
        const string Id = "v2x-afrr";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;
        var set = await _peer.CallResultAsync(Id, "SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":41,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","transactionId":"{{{tx}}}",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","startSchedule":"2026-01-01T00:00:00Z","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000,"dischargeLimit":-11000,"setpoint":0,
               "operationMode":"CentralFrequency","v2xSignalWattCurve":[{"signal":-100,"power":-10000},{"signal":100,"power":10000}]}]}]}}
            """);
        Assert.Equal("Accepted", set.GetProperty("status").GetString());
        Assert.Null(station.Runtime.V2x.AfrrPower(1));
        var received = new List<AfrrSignal>();
        station.Runtime.V2x.AfrrSignalReceived += received.Add;

        var answer = await _peer.CallResultAsync(Id, "AFRRSignal", """{"timestamp":"2026-01-01T00:00:00Z","signal":-35}""");
        Assert.Equal("Accepted", answer.GetProperty("status").GetString());
        Assert.Equal(-35, Assert.Single(received).Signal);
        Assert.Equal(-3500, station.Runtime.V2x.AfrrPower(1)!.Value, 6);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Allowed_energy_transfer_and_priority_charging_apply_to_running_transactions_only()
    {
        const string Id = "v2x-allowed";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;
        var allowedEvents = new List<AllowedEnergyTransfer>();
        var priorityEvents = new List<PriorityChargingRequest>();
        station.Runtime.V2x.AllowedEnergyTransferChanged += allowedEvents.Add;
        station.Runtime.V2x.PriorityChargingRequested += priorityEvents.Add;

        var allowed = await _peer.CallResultAsync(Id, "NotifyAllowedEnergyTransfer", $$"""{"transactionId":"{{tx}}","allowedEnergyTransfer":["DC"]}""");
        Assert.Equal("Accepted", allowed.GetProperty("status").GetString());
        Assert.Equal([EnergyTransferModeEnumType.DC], station.Runtime.V2x.AllowedFor(tx)!.Modes);
        Assert.Equal(1, Assert.Single(allowedEvents).EvseId);
        var unknown = await _peer.CallResultAsync(Id, "NotifyAllowedEnergyTransfer", """{"transactionId":"nope","allowedEnergyTransfer":["DC_BPT"]}""");
        Assert.Equal("Rejected", unknown.GetProperty("status").GetString());

        var noProfile = await _peer.CallResultAsync(Id, "UsePriorityCharging", $$"""{"transactionId":"{{tx}}","activate":true}""");
        Assert.Equal("NoProfile", noProfile.GetProperty("status").GetString());
        Assert.Equal("Rejected", (await _peer.CallResultAsync(Id, "UsePriorityCharging", """{"transactionId":"nope","activate":false}""")).GetProperty("status").GetString());
        var off = await _peer.CallResultAsync(Id, "UsePriorityCharging", $$"""{"transactionId":"{{tx}}","activate":false}""");
        Assert.Equal("Accepted", off.GetProperty("status").GetString());
        Assert.Equal(new PriorityChargingRequest(1, tx, false), Assert.Single(priorityEvents));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task The_station_notifies_ev_schedules_charging_limits_and_priority_charging()
    {
        const string Id = "v2x-notify";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;
        await _peer.RespondAsync("NotifyEVChargingSchedule", new JsonObject { ["status"] = "Accepted" }, times: 1);
        await _peer.RespondAsync("NotifyPriorityCharging", new JsonObject(), times: 1);
        var schedule = new ChargingScheduleType
        {
            Id = 3,
            ChargingRateUnit = ChargingRateUnitEnumType.W,
            ChargingSchedulePeriod = [new ChargingSchedulePeriodType { StartPeriod = 0, Limit = 7000, DischargeLimit = -5000 }],
        };

        var evSchedule = await station.Runtime.V2x.NotifyEvChargingScheduleAsync(1, new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero), schedule, selectedChargingScheduleId: 1);
        Assert.Equal(GenericStatusEnumType.Accepted, evSchedule.Response!.Status);
        var limit = await station.Runtime.V2x.NotifyChargingLimitAsync("EMS", 1, [schedule], isGridCritical: true);
        Assert.True(limit.IsSuccess, limit.ToString());
        var priority = await station.Runtime.V2x.NotifyPriorityChargingAsync(tx, activated: true);
        Assert.True(priority.IsSuccess, priority.ToString());
        Assert.True(station.Runtime.V2x.IsPriorityCharging(tx));

        var sentSchedule = Assert.Single(_peer.CallsFromStation("NotifyEVChargingSchedule", Id));
        Assert.Equal(-5000, sentSchedule.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0].GetProperty("dischargeLimit").GetDouble());
        var sentLimit = Assert.Single(_peer.CallsFromStation("NotifyChargingLimit", Id));
        Assert.Equal(("EMS", true), (sentLimit.GetProperty("chargingLimit").GetProperty("chargingLimitSource").GetString(), sentLimit.GetProperty("chargingLimit").GetProperty("isGridCritical").GetBoolean()));
        Assert.Equal(tx, Assert.Single(_peer.CallsFromStation("NotifyPriorityCharging", Id)).GetProperty("transactionId").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_dynamic_profile_with_dyn_update_interval_pulls_its_update_and_applies_it()
    {
        const string Id = "v2x-pull";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;
        await _peer.RespondAsync("PullDynamicScheduleUpdate", JsonNode.Parse("""{"status":"Accepted","scheduleUpdate":{"setpoint":-2500,"dischargeLimit":-5000}}""")!, times: 1);
        var set = await _peer.CallResultAsync(Id, "SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":51,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Dynamic","transactionId":"{{{tx}}}","dynUpdateInterval":1,
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":10000,"dischargeLimit":-4000,"setpoint":2000,"operationMode":"CentralSetpoint"}]}]}}
            """);
        Assert.Equal("Accepted", set.GetProperty("status").GetString());

        var pull = (await _peer.WaitForCallsAsync("PullDynamicScheduleUpdate", 1, Id, TimeSpan.FromSeconds(10)))[0];
        Assert.Equal(51, pull.GetProperty("chargingProfileId").GetInt32());
        await TxAssert.WaitUntilAsync(() => station.Runtime.SmartCharging.Store.Profiles.Single().Profile.ChargingSchedule[0].ChargingSchedulePeriod[0].Setpoint == -2500);
        Assert.NotNull(station.Runtime.SmartCharging.Store.Profiles.Single().Profile.DynUpdateTime);
        Assert.Empty(_peer.StrictValidationFailures);
    }
}
