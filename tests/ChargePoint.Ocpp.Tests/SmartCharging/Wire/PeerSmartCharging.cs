using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.SmartCharging.Wire;

/// <summary>Shared steps of the smart-charging tests against the strict CSMS.</summary>
internal static class PeerSmartCharging
{
    /// <summary>A booted station with an EV plugged into EVSE 1, so a transaction is running.</summary>
    public static async Task<StationHarness> StartWithTransactionAsync(StrictCsmsPeer peer, string id)
    {
        var station = new StationHarness(peer, id).Start();
        await peer.WaitForCallsAsync("StatusNotification", 1, id);
        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        await peer.WaitForCallsAsync("TransactionEvent", 1, id);
        return station;
    }

    /// <summary>A CSMS CALL that must be answered with a CALLRESULT; returns its payload.</summary>
    public static async Task<JsonElement> CallResultAsync(this StrictCsmsPeer peer, string id, string action, string payload)
    {
        var answer = await peer.CallAsync(action, JsonNode.Parse(payload)!, id);
        Assert.True(StrictCsmsPeer.Is(answer, "callResult"), answer.ToString());
        return answer.GetProperty("result");
    }
}
