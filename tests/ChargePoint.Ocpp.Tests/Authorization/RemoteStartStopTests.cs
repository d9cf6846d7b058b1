using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Authorization;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.Authorization;

/// <summary>F01-F03 against the strict CSMS: remote start (authorized first) and remote stop, raised to the firmware.</summary>
public sealed class RemoteStartStopTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public RemoteStartStopTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task A_remote_start_is_authorized_then_carries_its_remote_start_id_and_a_remote_stop_ends_it()
    {
        const string Id = "remote-start";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        var starts = new List<RemoteStart>();
        var stops = new List<RemoteStop>();
        station.Runtime.RemoteTransactions.StartRequested += starts.Add;
        station.Runtime.RemoteTransactions.StopRequested += stops.Add;

        var answer = await _peer.CallAsync("RequestStartTransaction", new JsonObject
        {
            ["evseId"] = 1,
            ["remoteStartId"] = 42,
            ["idToken"] = new JsonObject { ["idToken"] = "REMOTE-USER-1", ["type"] = "Central" },
        }, Id);
        Assert.Equal("Accepted", answer.GetProperty("result").GetProperty("status").GetString());
        await _peer.WaitForCallsAsync("Authorize", 1, Id); // AuthorizeRemoteStart is true by default
        await TxAssert.WaitUntilAsync(() => starts.Count == 1);
        Assert.Equal((1, 42), (starts[0].EvseId, starts[0].RemoteStartId));

        // TxStartPoint is EVConnected: the transaction starts with the cable and carries the remote start.
        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        var started = (await _peer.WaitForCallsAsync("TransactionEvent", 1, Id))[0];
        Assert.Equal(42, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Equal("REMOTE-USER-1", started.GetProperty("idToken").GetProperty("idToken").GetString());
        var transactionId = started.GetProperty("transactionInfo").GetProperty("transactionId").GetString()!;

        var unknown = await _peer.CallAsync("RequestStopTransaction", new JsonObject { ["transactionId"] = "no-such-tx" }, Id);
        Assert.Equal("Rejected", unknown.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("TxNotFound", unknown.GetProperty("result").GetProperty("statusInfo").GetProperty("reasonCode").GetString());
        var stop = await _peer.CallAsync("RequestStopTransaction", new JsonObject { ["transactionId"] = transactionId }, Id);
        Assert.Equal("Accepted", stop.GetProperty("result").GetProperty("status").GetString());
        var ended = (await _peer.WaitForCallsAsync("TransactionEvent", 2, Id))[1];
        Assert.Equal("Remote", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        Assert.Equal("RemoteStop", ended.GetProperty("triggerReason").GetString());
        Assert.Equal(new RemoteStop(1, transactionId), Assert.Single(stops));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_remote_start_whose_token_the_csms_rejects_starts_nothing()
    {
        const string Id = "remote-refused";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        station.Runtime.DeviceModel.SetInternal("TxCtrlr", "TxStartPoint", "Authorized");
        var starts = new List<RemoteStart>();
        station.Runtime.RemoteTransactions.StartRequested += starts.Add;
        await _peer.RespondAsync("Authorize", new JsonObject { ["idTokenInfo"] = new JsonObject { ["status"] = "Blocked" } }, times: 1);

        var answer = await _peer.CallAsync("RequestStartTransaction", new JsonObject
        {
            ["remoteStartId"] = 7,
            ["idToken"] = new JsonObject { ["idToken"] = "BLOCKED-USER", ["type"] = "Central" },
        }, Id);
        Assert.Equal("Accepted", answer.GetProperty("result").GetProperty("status").GetString());
        await _peer.WaitForCallsAsync("Authorize", 1, Id);
        await _peer.WaitForAsync(e => StrictCsmsPeer.Is(e, "frame") && e.GetProperty("identity").GetString() == Id
            && e.GetProperty("dir").GetString() == "toStation" && e.GetProperty("message").GetString()!.Contains("Blocked", StringComparison.Ordinal));
        await Task.Delay(300); // the decision is applied right after the answer arrives
        Assert.Empty(starts);
        Assert.Empty(_peer.CallsFromStation("TransactionEvent", Id));
        Assert.Null(station.Runtime.Station.Transactions.TransactionId(1));

        // With the token accepted, Authorized as start point starts the transaction at once with triggerReason RemoteStart.
        await _peer.CallAsync("RequestStartTransaction", new JsonObject
        {
            ["remoteStartId"] = 8,
            ["idToken"] = new JsonObject { ["idToken"] = "GOOD-USER", ["type"] = "Central" },
        }, Id);
        var started = (await _peer.WaitForCallsAsync("TransactionEvent", 1, Id))[0];
        Assert.Equal("RemoteStart", started.GetProperty("triggerReason").GetString());
        Assert.Equal(8, started.GetProperty("transactionInfo").GetProperty("remoteStartId").GetInt32());
        Assert.Empty(_peer.StrictValidationFailures);
    }
}
