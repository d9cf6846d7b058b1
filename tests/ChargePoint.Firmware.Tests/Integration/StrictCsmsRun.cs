using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePoint.Firmware.Tests.Ocpp;
using ChargePoint.Ocpp.Tests.Peer;
using static ChargePoint.Firmware.Tests.Ocpp.PeerTraffic;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// One simulated station connected to its own strict CSMS, run up to the point where the EV of its one session
/// charges: the CSMS has seen the transaction start and meter values above a threshold.
/// </summary>
internal sealed class StrictCsmsRun : IAsyncDisposable
{
    private StrictCsmsRun(StrictCsmsPeer peer, SimulatedStation station, string stationId, string transactionId)
    {
        Peer = peer;
        Station = station;
        StationId = stationId;
        TransactionId = transactionId;
    }

    public StrictCsmsPeer Peer { get; }

    public SimulatedStation Station { get; }

    public string StationId { get; }

    public string TransactionId { get; }

    /// <summary>The transaction's TransactionEvents as the CSMS received them.</summary>
    public IReadOnlyList<JsonElement> Events => TransactionEvents(Peer, StationId, TransactionId);

    public static async Task<StrictCsmsRun> StartChargingAsync(string stationId, string scenario, double chargeSeconds, double dischargeSeconds, double chargingAboveWatts = 1000)
    {
        var peer = await StrictCsmsPeer.StartAsync(Password);
        SimulatedStation? station = null;
        try
        {
            station = await SimulatedStation.StartAsync(scenario, sessions: 1, chargeSeconds, dischargeSeconds,
                StationArguments(peer, stationId), storage => StationStorage.FastSamplingAndReconnect(storage, stationId));
            var started = (await peer.WaitForCallsAsync("TransactionEvent", 1, stationId, TimeSpan.FromSeconds(30)))[0];
            var run = new StrictCsmsRun(peer, station, stationId, started.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!);
            await run.WaitForPowerAsync(p => p > chargingAboveWatts);
            return run;
        }
        catch
        {
            if (station is not null)
            {
                await station.DisposeAsync();
            }

            await peer.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until a TransactionEvent of the transaction carries a Power.Active.Import sample matching <paramref name="power"/>.</summary>
    public Task WaitForPowerAsync(Func<double, bool> power, double seconds = 30) =>
        Peer.WaitForAsync(_ => Events.Any(e => Sampled(e, "Power.Active.Import").Any(power)), TimeSpan.FromSeconds(seconds));

    /// <summary>A CSMS request to the station; returns the CALLRESULT payload (fails on a CALLERROR).</summary>
    public async Task<JsonElement> CallAsync(string action, string payload)
    {
        var answer = await Peer.CallAsync(action, JsonNode.Parse(payload)!, StationId);
        Assert.True(StrictCsmsPeer.Is(answer, "callResult"), answer.ToString());
        return answer.GetProperty("result");
    }

    /// <summary>Lets the station finish its session (Simulation:Sessions=1) and the CSMS receive TransactionEvent Ended.</summary>
    public async Task WaitForEndAsync()
    {
        await Station.WaitForExitAsync(TimeSpan.FromSeconds(90));
        await Peer.WaitForAsync(_ => Events.Any(e => EventType(e) == "Ended"), TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        await Station.DisposeAsync();
        await Peer.DisposeAsync();
    }
}
