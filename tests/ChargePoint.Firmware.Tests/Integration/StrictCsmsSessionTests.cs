using ChargePoint.Firmware.Tests.Ocpp;
using ChargePoint.Ocpp.Tests.Peer;
using static ChargePoint.Firmware.Tests.Ocpp.PeerTraffic;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// The real host in simulation mode with Ocpp:CsmsUrl pointing at the strict OCPP 2.1 CSMS (tests/ocpp-peer):
/// every frame both ways is validated by a peer we did not write, and the outcome is read from its traffic.
/// </summary>
[Collection(StrictCsmsCollection.Name)]
public sealed class StrictCsmsSessionTests
{
    [Fact]
    public async Task Emergency_stop_mid_discharge_reaches_the_csms_as_faulted_status_event_and_ended_emergency_stop()
    {
        const string id = "fw-estop";
        await using var peer = await StrictCsmsPeer.StartAsync(Password);
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: null, chargeSeconds: 1, dischargeSeconds: 60,
            StationArguments(peer, id), storage => StationStorage.FastSamplingAndReconnect(storage, id));
        var started = (await peer.WaitForCallsAsync("TransactionEvent", 1, id, TimeSpan.FromSeconds(30)))[0];
        var transactionId = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;
        await peer.CallAsync("SetChargingProfile", DischargeProfile(11, transactionId), id);
        await peer.WaitForAsync(_ => TransactionEvents(peer, id, transactionId).Any(e => Sampled(e, "Power.Active.Import").Any(p => p < -1000)), TimeSpan.FromSeconds(30));

        station.Hardware.PressEmergencyStop();

        await peer.WaitForAsync(_ => TransactionEvents(peer, id, transactionId).Any(e => EventType(e) == "Ended"), TimeSpan.FromSeconds(20));
        await peer.WaitForCallsAsync("NotifyEvent", 1, id, TimeSpan.FromSeconds(20));
        var events = TransactionEvents(peer, id, transactionId);
        AssertContinuous(events);
        var info = events[^1].GetProperty("transactionInfo");
        Assert.Equal("EmergencyStop", info.GetProperty("stoppedReason").GetString());
        Assert.Equal("AbnormalCondition", events[^1].GetProperty("triggerReason").GetString());
        Assert.Contains(peer.CallsFromStation("StatusNotification", id), s => s.GetProperty("connectorStatus").GetString() == "Faulted");
        Assert.Contains(peer.CallsFromStation("NotifyEvent", id), n => n.GetProperty("eventData")[0].GetProperty("component").GetProperty("name").GetString() == "EmergencyStopSensor");
        Assert.Empty(peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_station_without_discharge_capability_rejects_a_negative_profile()
    {
        const string id = "fw-unidirectional";
        await using var peer = await StrictCsmsPeer.StartAsync(Password);
        await using var station = await SimulatedStation.StartAsync("none", sessions: null,
            extraArguments: [.. StationArguments(peer, id), "--Hal:MaxDischargePowerWatts=0", "--Hal:MaxDischargeCurrentAmperes=0"]);
        await peer.WaitForCallsAsync("StatusNotification", 1, id, TimeSpan.FromSeconds(30));

        var answer = await peer.CallAsync("SetChargingProfile", DischargeProfile(5, transactionId: null, purpose: "TxDefaultProfile"), id);

        Assert.True(StrictCsmsPeer.Is(answer, "callResult"), answer.ToString());
        var result = answer.GetProperty("result");
        Assert.Equal("Rejected", result.GetProperty("status").GetString());
        Assert.Equal("InvalidValue", result.GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        Assert.Empty(peer.StrictValidationFailures);
    }

    [Fact]
    public async Task With_the_csms_unreachable_for_the_whole_session_it_charges_offline_and_everything_arrives_later_in_order()
    {
        const string id = "fw-offline";
        await using var peer = await StrictCsmsPeer.StartAsync(Password);
        await peer.CommandAsync(new System.Text.Json.Nodes.JsonObject { ["cmd"] = "down" });
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: null, chargeSeconds: 2, dischargeSeconds: 0,
            StationArguments(peer, id),
            storage => StationStorage.FastSamplingAndReconnect(storage, id, ("AuthCtrlr", "OfflineTxForUnknownIdEnabled", "true")));
        var simulation = station.Simulation;
        await SimulatedStation.WaitUntilAsync(() => simulation.Summaries.Count >= 1, TimeSpan.FromSeconds(60));
        Assert.StartsWith("session 1: dc-bpt-dynamic ok", simulation.Summaries[0], StringComparison.Ordinal);
        Assert.True(station.Hardware.EnergyMeter.ImportedEnergyWattHours > 1, "the EV was not charged while offline");
        Assert.Empty(peer.CallsFromStation("TransactionEvent", id));

        await peer.CommandAsync(new System.Text.Json.Nodes.JsonObject { ["cmd"] = "up" });
        var first = (await peer.WaitForCallsAsync("TransactionEvent", 1, id, TimeSpan.FromSeconds(60)))[0];
        var transactionId = first.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;
        await peer.WaitForAsync(_ => TransactionEvents(peer, id, transactionId).Any(e => EventType(e) == "Ended"), TimeSpan.FromSeconds(30));

        var events = TransactionEvents(peer, id, transactionId);
        AssertContinuous(events);
        Assert.All(events, e => Assert.True(e.GetProperty("offline").GetBoolean()));
        var times = events.Select(e => e.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        Assert.True(Sampled(events[^1], "Energy.Active.Import.Register").Single() > 1);
        Assert.Empty(peer.StrictValidationFailures);
    }
}
