using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Rpc;

/// <summary>OCPP-J framing against the strict CSMS: handshake, CALLs both ways, and bad input from the CSMS.</summary>
public sealed class RpcAgainstStrictPeerTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public RpcAgainstStrictPeerTests(PeerFixture fixture) => _peer = fixture.Peer;

    private static BootNotificationRequest Boot => new()
    {
        Reason = BootReasonEnumType.PowerUp,
        ChargingStation = new ChargingStationType { Model = "CP-V2G-1", VendorName = "ChargePoint" },
    };

    [Fact]
    public async Task Connects_to_url_plus_station_id_with_ocpp21_and_basic_auth_then_boots()
    {
        await using var harness = new RpcHarness(_peer, "rpc-boot");
        await harness.WaitConnectedAsync();
        Assert.Equal(OcppRpcClient.Ocpp21, harness.Client.SubProtocol);

        var result = await harness.Client.CallAsync<BootNotificationRequest, BootNotificationResponse>(Boot, CancellationToken.None);
        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(RegistrationStatusEnumType.Accepted, result.Response!.Status);

        var auth = _peer.Events.Single(e => StrictCsmsPeer.Is(e, "auth") && e.GetProperty("identity").GetString() == "rpc-boot");
        Assert.True(auth.GetProperty("passwordOk").GetBoolean());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_stopping_client_closes_the_websocket_with_normal_closure_and_says_why()
    {
        var harness = new RpcHarness(_peer, "rpc-close");
        await harness.WaitConnectedAsync();

        var stop = harness.DisposeAsync().AsTask();
        var disconnected = await _peer.WaitForAsync(e => StrictCsmsPeer.Is(e, "disconnected") && e.GetProperty("identity").GetString() == "rpc-close");
        await stop.WaitAsync(TimeSpan.FromSeconds(10));

        // 1000 with a reason, not 1006 (abnormal closure): the CSMS can tell a planned stop from a lost station.
        Assert.Equal(1000, disconnected.GetProperty("code").GetInt32());
        Assert.Equal("station stopping", disconnected.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Calls_in_flight_when_the_client_stops_end_as_results_or_cancellation_never_as_a_disposed_link()
    {
        // A send that still holds the link's lock while the link closes once surfaced as ObjectDisposedException
        // out of the client's stop (seen in a fresh-clone run); every round stops the client under 20 sends.
        for (var round = 0; round < 10; round++)
        {
            var harness = new RpcHarness(_peer, "rpc-stop-" + round);
            await harness.WaitConnectedAsync();
            var calls = Enumerable.Range(0, 20)
                .Select(_ => harness.Client.CallAsync<BootNotificationRequest, BootNotificationResponse>(Boot, CancellationToken.None))
                .ToList();
            await harness.DisposeAsync();
            var outcomes = new List<string>();
            foreach (var call in calls)
            {
                try
                {
                    var result = await call.WaitAsync(TimeSpan.FromSeconds(10));
                    outcomes.Add(result.IsSuccess ? "answered" : "failed");
                }
                catch (OperationCanceledException)
                {
                    outcomes.Add("cancelled");
                }
            }

            // Every call ended (none hung, none threw anything else); the ones after the stop failed as values.
            Assert.Equal(20, outcomes.Count);
            Assert.Contains(outcomes, o => o != "answered");
        }
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_retried_with_back_off()
    {
        await using var harness = new RpcHarness(_peer, "rpc-badpw", o => o.BasicAuthPassword = "wrong-password-0123456");
        await _peer.WaitForAsync(e => StrictCsmsPeer.Is(e, "auth") && e.GetProperty("identity").GetString() == "rpc-badpw" && !e.GetProperty("passwordOk").GetBoolean());
        await Task.Delay(600);
        var attempts = _peer.Events.Where(e => StrictCsmsPeer.Is(e, "auth") && e.GetProperty("identity").GetString() == "rpc-badpw").Select(e => e.GetProperty("t").GetDateTimeOffset()).ToList();
        Assert.InRange(attempts.Count, 2, 6);
        Assert.False(harness.Client.IsConnected);
        Assert.True(attempts[1] - attempts[0] >= TimeSpan.FromMilliseconds(90), "first retry waits RetryBackOffWaitMinimum");
    }

    [Fact]
    public async Task Csms_calls_are_answered_by_handlers_and_validated_by_the_peer()
    {
        await using var harness = new RpcHarness(_peer, "rpc-handler", beforeStart: c => c.Handlers.Handle<ClearCacheRequest, ClearCacheResponse>(
            (_, _) => ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatusEnumType.Accepted })));
        await harness.WaitConnectedAsync();

        var result = await _peer.CallAsync("ClearCache", new JsonObject(), "rpc-handler");
        Assert.True(StrictCsmsPeer.Is(result, "callResult"), result.ToString());
        Assert.Equal("Accepted", result.GetProperty("result").GetProperty("status").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Bad_frames_from_the_csms_get_the_right_callerror_and_the_connection_survives()
    {
        const string Id = "rpc-bad";
        await using var harness = new RpcHarness(_peer, Id, beforeStart: c =>
        {
            c.Handlers.Handle<ClearCacheRequest, ClearCacheResponse>((_, _) => ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatusEnumType.Accepted }));
            c.Handlers.Handle<ResetRequest, ResetResponse>((_, _) => ValueTask.FromResult(new ResetResponse { Status = ResetStatusEnumType.Rejected }));
        });
        await harness.WaitConnectedAsync();

        await _peer.RawAsync("this is not json", Id);
        await AssertAnswerAsync("-1", OcppErrorCode.RpcFrameworkError);

        await _peer.RawAsync("""[2,"m-unknown","FlyToTheMoon",{}]""", Id);
        await AssertAnswerAsync("m-unknown", OcppErrorCode.NotImplemented);

        await _peer.RawAsync("""[2,"m-unsupported","CancelReservation",{"reservationId":1}]""", Id);
        await AssertAnswerAsync("m-unsupported", OcppErrorCode.NotSupported);

        await _peer.RawAsync("""[2,"m-extra","ClearCache",{"bogus":1}]""", Id);
        await AssertAnswerAsync("m-extra", OcppErrorCode.FormatViolation);

        await _peer.RawAsync("""[2,"m-type","ClearCache",{"customData":{"vendorId":7}}]""", Id);
        await AssertAnswerAsync("m-type", OcppErrorCode.TypeConstraintViolation);

        await _peer.RawAsync("""[2,"m-missing","CancelReservation",{}]""", Id);
        await AssertAnswerAsync("m-missing", OcppErrorCode.NotSupported);

        await _peer.RawAsync("""[2,"m-occurrence","Reset",{}]""", Id);
        await AssertAnswerAsync("m-occurrence", OcppErrorCode.OccurrenceConstraintViolation);

        await _peer.RawAsync("""[2,"m-property","Reset",{"type":"Sideways"}]""", Id);
        await AssertAnswerAsync("m-property", OcppErrorCode.PropertyConstraintViolation);

        await _peer.RawAsync("[2,\"m-property-len\",\"Reset\",{\"type\":\"OnIdle\",\"customData\":{\"vendorId\":\"" + new string('v', 256) + "\"}}]", Id);
        await AssertAnswerAsync("m-property-len", OcppErrorCode.PropertyConstraintViolation);

        await _peer.RawAsync("""[9,"m-type9","Heartbeat",{}]""", Id);
        await AssertAnswerAsync("m-type9", OcppErrorCode.MessageTypeNotSupported);

        var huge = "[2,\"m-huge\",\"ClearCache\",{\"customData\":{\"vendorId\":\"v\",\"blob\":\"" + new string('x', harness.Options.MaxFrameBytes + 10) + "\"}}]";
        await _peer.RawAsync(huge, Id);
        await AssertAnswerAsync("m-huge", OcppErrorCode.FormatViolation);

        // An answer to a CALL we never made is ignored (logged), never answered and never fatal.
        var before = _peer.FramesFromStation(Id).Count;
        await _peer.RawAsync("""[3,"never-sent",{"currentTime":"2026-01-01T00:00:00Z"}]""", Id);
        await Task.Delay(200);
        Assert.Equal(before, _peer.FramesFromStation(Id).Count);

        var ok = await harness.Client.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None);
        Assert.True(ok.IsSuccess, ok.ToString());
        Assert.True(harness.Client.IsConnected);
    }

    [Fact]
    public async Task A_call_without_answer_times_out_and_the_next_call_still_works()
    {
        const string Id = "rpc-timeout";
        await using var harness = new RpcHarness(_peer, Id, o => o.MessageTimeout = TimeSpan.FromMilliseconds(400));
        await harness.WaitConnectedAsync();
        await _peer.CommandAsync(new JsonObject { ["cmd"] = "noReply", ["action"] = "Heartbeat", ["times"] = 1 });

        var lost = await harness.Client.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None);
        Assert.Equal(OcppCallFailure.Timeout, lost.Failure);
        var ok = await harness.Client.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None);
        Assert.True(ok.IsSuccess, ok.ToString());
        var ids = _peer.FramesFromStation(Id).Where(f => f[0].GetInt32() == 2).Select(f => f[1].GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task An_invalid_callresult_is_reported_as_invalid_and_answered_with_callresulterror()
    {
        const string Id = "rpc-badresult";
        await using var harness = new RpcHarness(_peer, Id);
        await harness.WaitConnectedAsync();
        await _peer.CommandAsync(new JsonObject { ["cmd"] = "noReply", ["action"] = "Heartbeat", ["times"] = 1 });

        var call = harness.Client.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None);
        var calls = await _peer.WaitForCallsAsync("Heartbeat", 1, Id);
        var messageId = _peer.FramesFromStation(Id).Last(f => f[0].GetInt32() == 2)[1].GetString();
        await _peer.RawAsync($$"""[3,"{{messageId}}",{"currentTime":"not a time"}]""", Id);

        var result = await call;
        Assert.Equal(OcppCallFailure.InvalidResponse, result.Failure);
        Assert.Equal(OcppErrorCode.TypeConstraintViolation, result.ErrorCode);
        await _peer.WaitForAsync(_ => _peer.FramesFromStation(Id).Any(f => f[0].GetInt32() == 5 && f[1].GetString() == messageId && f[2].GetString() == "TypeConstraintViolation"));
        Assert.Single(calls);
    }

    private async Task AssertAnswerAsync(string messageId, OcppErrorCode code)
    {
        var frame = await _peer.WaitForAsync(e => StrictCsmsPeer.Is(e, "frame") && e.GetProperty("dir").GetString() == "fromStation"
            && JsonDocument.Parse(e.GetProperty("message").GetString()!).RootElement is var f && f[0].GetInt32() == 4 && f[1].GetString() == messageId);
        var parsed = JsonDocument.Parse(frame.GetProperty("message").GetString()!).RootElement;
        Assert.Equal(code.ToString(), parsed[2].GetString());
    }
}
