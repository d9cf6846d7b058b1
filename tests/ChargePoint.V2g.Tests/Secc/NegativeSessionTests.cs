using System.Security.Authentication;
using ChargePoint.Simulators.Ev;
using ChargePoint.TestUtilities;
using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Tests.Tls;
using ChargePoint.V2g.Transport;
using Xunit.Abstractions;
using Iso20ResponseCode = ChargePoint.V2g.Exi.Iso20.responseCodeType;

namespace ChargePoint.V2g.Tests.Secc;

/// <summary>Errors the standard requires us to answer or close on, each ending with the safe-state signal.</summary>
public sealed class NegativeSessionTests(PkiFixture fixture, ITestOutputHelper output) : IClassFixture<PkiFixture>
{
    [Fact]
    public async Task Out_of_order_request_gets_sequence_error_and_ends_the_session()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        var result = await secc.RunEvAsync(new EvSimulatorOptions { SkipToChargeLoop = true });

        Assert.Equal(EvSessionOutcome.Rejected, result.Outcome);
        Assert.Equal("DC_ChargeLoopRes", result.LastResponse);
        Assert.Equal(nameof(Iso20ResponseCode.FAILED_SequenceError), result.LastResponseCode);
        Assert.Equal(SafeStateReason.FailedResponse, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Unknown_session_id_gets_failed_unknown_session_then_close()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        await using var ev = await secc.ConnectAsync();
        await NegotiateAsync(ev, V2gApplicationProtocols.Iso20DcNamespace);
        var setup = await ExchangeAsync(ev, new SessionSetupReqType { EVCCID = "WMI00TEST", Header = Header(new byte[8]) });
        Assert.Equal(Iso20ResponseCode.OK_NewSessionEstablished, setup.ResponseCode);

        var wrong = setup.Header.SessionID.ToArray();
        wrong[0] ^= 0xFF;
        var response = await ExchangeAsync(ev, new AuthorizationSetupReqType { Header = Header(wrong) });

        Assert.IsType<AuthorizationSetupResType>(response);
        Assert.Equal(Iso20ResponseCode.FAILED_UnknownSession, response.ResponseCode);
        Assert.Equal(V2gtpReadStatus.EndOfStream, (await ev.ReceiveAsync().AsTask().WaitAsync(SeccLoopback.Patience)).Status);
        Assert.Equal(SafeStateReason.FailedResponse, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Malformed_exi_closes_the_connection_without_an_answer()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        await using var ev = await secc.ConnectAsync();
        await NegotiateAsync(ev, V2gApplicationProtocols.Iso20DcNamespace);

        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.CommonMessages, new byte[] { 0x80, 0xFF, 0xFF, 0xFF, 0x01 }));

        Assert.Equal(V2gtpReadStatus.EndOfStream, (await ev.ReceiveAsync().AsTask().WaitAsync(SeccLoopback.Patience)).Status);
        Assert.Equal(SafeStateReason.MalformedMessage, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Oversized_v2gtp_frame_closes_the_connection()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        await using var ev = await secc.ConnectAsync();
        await NegotiateAsync(ev, V2gApplicationProtocols.Iso20DcNamespace);

        try
        {
            await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.CommonMessages, new byte[V2gtpOptions.DefaultMaxPayloadLength + 1]));
        }
        catch (IOException)
        {
            // The SECC may already have closed while we were still writing the oversized payload.
        }

        Assert.Equal(SafeStateReason.FramingError, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
        Assert.NotEqual(V2gtpReadStatus.Message, (await ev.ReceiveAsync().AsTask().WaitAsync(SeccLoopback.Patience)).Status);
    }

    [Fact]
    public async Task Tls12_only_ev_offering_part20_gets_failed_no_negotiation()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output, allowTls12: true);
        var result = await secc.RunEvAsync(new EvSimulatorOptions(), secc.EvTls(SslProtocols.Tls12));

        Assert.Equal(EvSessionOutcome.NegotiationFailed, result.Outcome);
        Assert.Equal(nameof(Exi.AppProtocol.responseCodeType.Failed_NoNegotiation), result.LastResponseCode);
        Assert.Equal(SafeStateReason.NegotiationFailed, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Plain_tcp_ev_offering_part20_gets_failed_no_negotiation()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output, tls: false);
        var result = await secc.RunEvAsync(new EvSimulatorOptions(), plain: true);

        Assert.Equal(EvSessionOutcome.NegotiationFailed, result.Outcome);
        Assert.Equal(SafeStateReason.NegotiationFailed, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Ev_offering_only_part2_and_din_gets_failed_no_negotiation()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        var result = await secc.RunEvAsync(new EvSimulatorOptions { OfferOnlyLegacyProtocols = true });

        Assert.Equal(EvSessionOutcome.NegotiationFailed, result.Outcome);
        Assert.Equal(SafeStateReason.NegotiationFailed, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Sequence_timeout_half_a_second_after_charge_loop_response_on_fake_time()
    {
        var clock = new FakeTimeProvider(PkiFixture.Now); // certificates are valid from the fixture's creation
        await using var secc = new SeccLoopback(fixture.Pki, output, time: clock);
        var run = secc.RunEvAsync(new EvSimulatorOptions
        {
            ChargeLoops = 3,
            LoopInterval = TimeSpan.Zero,
            SlowLoopNumber = 2,
            SlowLoopDelay = TimeSpan.FromSeconds(10),
        });

        // After the first ChargeLoopRes the SECC waits 0.5 s (its timer) while the EV sleeps 10 s (its timer).
        await WaitUntilAsync(() => run.IsCompleted || (secc.Firmware.Loops.Count == 1 && clock.ActiveTimerCount >= 2));
        Assert.False(run.IsCompleted, "the EV must still be sleeping: " + (run.IsFaulted ? run.Exception : null));
        clock.Advance(TimeSpan.FromMilliseconds(499));
        await Task.Delay(50);
        Assert.Empty(secc.Firmware.SafeStates);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(SafeStateReason.SequenceTimeout, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(EvSessionOutcome.ConnectionClosed, (await run).Outcome);
    }

    private static async Task NegotiateAsync(IV2gConnection ev, string ns)
    {
        var request = new supportedAppProtocolReqType
        {
            AppProtocol = [new AppProtocolType { ProtocolNamespace = ns, VersionNumberMajor = 1, VersionNumberMinor = 0, SchemaID = 1, Priority = 1 }],
        };
        var buffer = new byte[256];
        var length = AppProtocolCodec.Encode(new AppProtocolDocument(AppProtocolRoot.supportedAppProtocolReq, request), buffer);
        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, buffer.AsMemory(0, length)));
        var read = await ev.ReceiveAsync().AsTask().WaitAsync(SeccLoopback.Patience);
        var response = (supportedAppProtocolResType)AppProtocolCodec.Decode(read.Message.Payload.Span).Value;
        Assert.Equal(Exi.AppProtocol.responseCodeType.OK_SuccessfulNegotiation, response.ResponseCode);
    }

    private static async Task<V2GResponseType> ExchangeAsync(IV2gConnection ev, V2GRequestType request)
    {
        var buffer = new byte[4096];
        var (payloadType, length) = Iso20MessageCodec.Encode(request, buffer);
        await ev.SendAsync(new V2gtpMessage(payloadType, buffer.AsMemory(0, length)));
        var read = await ev.ReceiveAsync().AsTask().WaitAsync(SeccLoopback.Patience);
        Assert.Equal(V2gtpReadStatus.Message, read.Status);
        return (V2GResponseType)Iso20MessageCodec.Decode(read.Message.PayloadType, read.Message.Payload.Span);
    }

    private static MessageHeaderType Header(byte[] sessionId) => new() { SessionID = sessionId, TimeStamp = 1_700_000_000 };

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(SeccLoopback.Patience);
        while (!condition())
        {
            await Task.Delay(5, deadline.Token);
        }
    }
}
