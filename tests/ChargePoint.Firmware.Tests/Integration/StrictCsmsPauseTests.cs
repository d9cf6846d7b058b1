using System.Text.Json;
using ChargePoint.Firmware.Tests.Ocpp;
using ChargePoint.Ocpp.Tests.Peer;
using static ChargePoint.Firmware.Tests.Ocpp.PeerTraffic;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// ISO 15118-20 pause and resume as the strict OCPP 2.1 CSMS (tests/ocpp-peer) sees it: one transaction throughout,
/// chargingState SuspendedEV while the EV sleeps and Charging again after the resume, and the EV's charging needs
/// relayed again once they changed (the resumed session's ScheduleExchange, K17.FR.01), in frames the peer accepts.
/// </summary>
public sealed class StrictCsmsPauseTests
{
    [Fact]
    public async Task A_paused_and_resumed_session_is_one_transaction_suspended_by_the_ev_with_its_new_needs_relayed()
    {
        const string id = "fw-pause-1";
        await using var peer = await StrictCsmsPeer.StartAsync(Password);
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: 1, chargeSeconds: 3, dischargeSeconds: 0.5,
            [.. StationArguments(peer, id), "--Simulation:PauseSeconds=2"], storage => StationStorage.FastSamplingAndReconnect(storage, id));

        await station.WaitForExitAsync(TimeSpan.FromSeconds(90));
        var started = (await peer.WaitForCallsAsync("TransactionEvent", 1, id, TimeSpan.FromSeconds(30)))[0];
        var transactionId = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;
        await peer.WaitForAsync(_ => TransactionEvents(peer, id, transactionId).Any(e => EventType(e) == "Ended"), TimeSpan.FromSeconds(20));

        Assert.Empty(peer.StrictValidationFailures);
        var events = TransactionEvents(peer, id, transactionId);
        AssertContinuous(events);
        Assert.Single(peer.CallsFromStation("TransactionEvent", id), e => EventType(e) == "Started");
        var trace = string.Join("\n", events.Select(e => $"{EventType(e)} {e.GetProperty("triggerReason").GetString()} {ChargingState(e)}"));
        var suspensions = events.Select((e, i) => (e, i))
            .Where(x => ChargingState(x.e) == "SuspendedEV" && x.e.GetProperty("triggerReason").GetString() == "ChargingStateChanged").ToList();
        Assert.True(suspensions.Count == 1, trace); // one pause; periodic meter values while paused say SuspendedEV too
        var suspended = suspensions[0];
        Assert.Contains(events.Skip(suspended.i + 1), e => ChargingState(e) == "Charging"); // resumed, same transaction
        Assert.True(events[^1].GetProperty("transactionInfo").GetProperty("stoppedReason").GetString() == "StoppedByEV", trace);
        Assert.True(events[^1].GetProperty("triggerReason").GetString() == "ChargingStateChanged", trace); // the EV ended it, nobody authorized a stop

        var needs = peer.CallsFromStation("NotifyEVChargingNeeds", id);
        Assert.Equal(2, needs.Count);
        Assert.NotEqual(TargetEnergy(needs[0]), TargetEnergy(needs[1])); // the battery charged before the pause
    }

    private static string? ChargingState(JsonElement transactionEvent) =>
        transactionEvent.GetProperty("transactionInfo").TryGetProperty("chargingState", out var state) ? state.GetString() : null;

    private static double TargetEnergy(JsonElement needs) =>
        needs.GetProperty("chargingNeeds").GetProperty("v2xChargingParameters").GetProperty("evTargetEnergyRequest").GetDouble();
}
