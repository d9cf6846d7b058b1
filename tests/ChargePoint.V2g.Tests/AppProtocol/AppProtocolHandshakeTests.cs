using System.Security.Authentication;
using ChargePoint.V2g.AppProtocol;
using ChargePoint.V2g.Exi.AppProtocol;
using ChargePoint.V2g.Tests.Tls;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.AppProtocol;

/// <summary>SupportedAppProtocol as the first exchange on real TLS 1.3 / plain TCP loopback connections.</summary>
public sealed class AppProtocolHandshakeTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private static readonly TimeSpan Patience = LoopbackV2g.Patience;

    [Fact]
    public async Task Over_tls13_the_reference_request_gets_the_reference_response()
    {
        await using var listener = StartListener(tls: true);
        await using var ev = await ConnectAsync(listener, tls: true);
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, AppProtocolVectors.Bytes("SupportedAppProtocolReq_20DC_20AC_2_DIN")));
        var result = await AppProtocolHandshake.RunAsync(secc, V2gApplicationProtocols.Iso20Conductive).WaitAsync(Patience);
        var response = await ev.ReceiveAsync().AsTask().WaitAsync(Patience);

        Assert.True(result.Succeeded);
        Assert.Equal(V2gApplicationProtocol.Iso20Dc, result.Negotiation!.Selected!.Protocol);
        Assert.Equal((ushort)V2gtpPayloadType.SapOrLegacyExi, response.Message.PayloadType);
        Assert.Equal(AppProtocolVectors.Bytes("SupportedAppProtocolRes_OK"), response.Message.Payload.ToArray());
    }

    [Fact]
    public async Task Over_plain_tcp_part20_is_refused_with_failed_no_negotiation()
    {
        await using var listener = StartListener(tls: false);
        await using var ev = await ConnectAsync(listener, tls: false);
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, AppProtocolVectors.Bytes("SupportedAppProtocolReq_20DC_20AC_2_DIN")));
        var result = await AppProtocolHandshake.RunAsync(secc, V2gApplicationProtocols.Iso20Conductive).WaitAsync(Patience);
        var response = await ev.ReceiveAsync().AsTask().WaitAsync(Patience);

        Assert.False(result.Succeeded);
        Assert.Equal(responseCodeType.Failed_NoNegotiation, AppProtocolCodec.DecodesupportedAppProtocolRes(response.Message.Payload.Span).ResponseCode);
    }

    [Fact]
    public async Task Tls12_ev_offering_part20_gets_failed_no_negotiation()
    {
        await using var listener = LoopbackV2g.StartListener(fixture.Pki, new V2gTlsOptions { AllowTls12 = true });
        await using var ev = await LoopbackV2g.ConnectAsync(listener, new EvTlsClientOptions
        {
            TrustedRoots = [fixture.Pki.V2gRoot],
            Protocols = SslProtocols.Tls12,
            CipherSuites = [V2gTlsProfile.Tls12CipherSuite],
        });
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, AppProtocolVectors.Bytes("SupportedAppProtocolReq_20DC_20AC_2_DIN")));
        var result = await AppProtocolHandshake.RunAsync(secc, V2gApplicationProtocols.Iso20Conductive).WaitAsync(Patience);
        var response = await ev.ReceiveAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(SslProtocols.Tls12, secc.Security.Protocol);
        Assert.False(result.Succeeded);
        Assert.Equal(responseCodeType.Failed_NoNegotiation, AppProtocolCodec.DecodesupportedAppProtocolRes(response.Message.Payload.Span).ResponseCode);
    }

    [Fact]
    public async Task Malformed_exi_closes_the_connection_without_an_answer()
    {
        await using var listener = StartListener(tls: true);
        await using var ev = await ConnectAsync(listener, tls: true);
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, new byte[] { 0xFF, 0xFF, 0xFF }));
        var result = await AppProtocolHandshake.RunAsync(secc, V2gApplicationProtocols.Iso20Conductive).WaitAsync(Patience);

        Assert.Equal(AppProtocolFailure.MalformedExi, result.Failure);
        Assert.NotEqual(V2gtpReadStatus.Message, (await ev.ReceiveAsync().AsTask().WaitAsync(Patience)).Status);
    }

    [Fact]
    public async Task A_part20_message_before_supported_app_protocol_closes_the_connection()
    {
        await using var listener = StartListener(tls: true);
        await using var ev = await ConnectAsync(listener, tls: true);
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.CommonMessages, new byte[] { 0x80, 0x00 }));
        var result = await AppProtocolHandshake.RunAsync(secc, V2gApplicationProtocols.Iso20Conductive).WaitAsync(Patience);

        Assert.Equal(AppProtocolFailure.UnexpectedPayloadType, result.Failure);
        Assert.NotEqual(V2gtpReadStatus.Message, (await ev.ReceiveAsync().AsTask().WaitAsync(Patience)).Status);
    }

    private V2gListener StartListener(bool tls) => LoopbackV2g.StartListener(tls ? fixture.Pki : null);

    private Task<IV2gConnection> ConnectAsync(V2gListener listener, bool tls) =>
        LoopbackV2g.ConnectAsync(listener, tls ? new EvTlsClientOptions { TrustedRoots = [fixture.Pki.V2gRoot] } : null);
}
