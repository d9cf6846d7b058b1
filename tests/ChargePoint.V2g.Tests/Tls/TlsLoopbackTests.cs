using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using ChargePoint.TestUtilities;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.Tls;

/// <summary>Real TLS handshakes over IPv6 loopback between our SECC listener and our EV connector.</summary>
public sealed class TlsLoopbackTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    private static readonly TimeSpan Patience = LoopbackV2g.Patience;

    [Fact]
    public async Task Tls13_handshake_with_the_profile_and_a_frame_round_trip()
    {
        await using var listener = StartListener(new V2gTlsOptions());
        await using var ev = await ConnectAsync(listener, new EvTlsClientOptions { TrustedRoots = [fixture.Pki.V2gRoot] });
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(SslProtocols.Tls13, secc.Security.Protocol);
        Assert.Equal(TlsCipherSuite.TLS_AES_256_GCM_SHA384, secc.Security.CipherSuite);
        Assert.True(secc.Security.PermitsIso15118Part20);
        Assert.Null(secc.Security.ClientCertificate);
        Assert.True(ev.Security.IsTls13);

        await ev.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, new byte[] { 0x80, 0x00, 0xDB }));
        var request = await secc.ReceiveAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(new byte[] { 0x80, 0x00, 0xDB }, request.Message.Payload.ToArray());
        await secc.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, new byte[] { 0x80, 0x40, 0x00, 0x40 }));
        var response = await ev.ReceiveAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(new byte[] { 0x80, 0x40, 0x00, 0x40 }, response.Message.Payload.ToArray());
    }

    [Fact]
    public async Task Second_profile_suite_is_negotiated_when_the_ev_prefers_it()
    {
        await using var listener = StartListener(new V2gTlsOptions());
        await using var ev = await ConnectAsync(listener, new EvTlsClientOptions
        {
            TrustedRoots = [fixture.Pki.V2gRoot],
            CipherSuites = [TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256],
        });
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256, secc.Security.CipherSuite);
    }

    [Fact]
    public async Task Ev_offering_only_a_suite_outside_the_profile_is_refused()
    {
        await using var listener = StartListener(new V2gTlsOptions());

        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(listener, new EvTlsClientOptions
        {
            TrustedRoots = [fixture.Pki.V2gRoot],
            CipherSuites = [TlsCipherSuite.TLS_AES_128_GCM_SHA256],
        }));
        await WaitForHandshakeFailuresAsync(listener, 1);
    }

    [Fact]
    public async Task Tls12_only_ev_is_refused_by_the_default_profile()
    {
        await using var listener = StartListener(new V2gTlsOptions());

        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(listener, Tls12Client()));
        await WaitForHandshakeFailuresAsync(listener, 1);
    }

    [Fact]
    public async Task Tls12_ev_admitted_for_part2_is_flagged_as_not_permitting_part20()
    {
        await using var listener = StartListener(new V2gTlsOptions { AllowTls12 = true });
        await using var ev = await ConnectAsync(listener, Tls12Client());
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(SslProtocols.Tls12, secc.Security.Protocol);
        Assert.True(secc.Security.IsTls);
        Assert.False(secc.Security.IsTls13);
        Assert.False(secc.Security.PermitsIso15118Part20);
    }

    [Fact]
    public async Task Trusted_vehicle_certificate_is_recorded_as_trusted()
    {
        await using var listener = StartListener(new V2gTlsOptions());
        await using var ev = await ConnectAsync(listener, VehicleClient(fixture.Pki));
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(fixture.Pki.VehicleLeaf!.Thumbprint, secc.Security.ClientCertificate?.Thumbprint);
        Assert.True(secc.Security.ClientCertificateTrusted);
    }

    [Fact]
    public async Task Certificate_request_names_the_trusted_roots_as_acceptable_issuers()
    {
        await using var listener = StartListener(new V2gTlsOptions());
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.LocalEndPoint!);
        await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: false));
        var offeredIssuers = new List<string>();

        await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = string.Empty,
            EnabledSslProtocols = SslProtocols.Tls13,
            RemoteCertificateValidationCallback = new CertificateChainValidator([fixture.Pki.V2gRoot], TimeProvider.System).ForSeccCertificate(),
            ClientCertificates = [fixture.Pki.VehicleLeaf!],
            // Called once before the handshake (no issuers yet: answer null to wait) and again when the
            // server's CertificateRequest arrives with its certificate_authorities.
            LocalCertificateSelectionCallback = (_, _, candidates, _, issuers) =>
            {
                offeredIssuers.AddRange(issuers);
                return issuers.Length == 0 ? null! : candidates[0];
            },
        }).WaitAsync(Patience);

        Assert.Contains(fixture.Pki.OemRoot!.Subject, offeredIssuers);
    }

    [Fact]
    public async Task Untrusted_vehicle_certificate_is_admitted_for_eim_but_not_trusted()
    {
        await using var listener = StartListener(new V2gTlsOptions());
        await using var ev = await ConnectAsync(listener, VehicleClient(fixture.Foreign));
        await using var secc = await listener.AcceptAsync().AsTask().WaitAsync(Patience);

        Assert.NotNull(secc.Security.ClientCertificate);
        Assert.False(secc.Security.ClientCertificateTrusted);
    }

    [Fact]
    public async Task Untrusted_vehicle_certificate_is_refused_when_configured()
    {
        await using var listener = StartListener(new V2gTlsOptions { AcceptUntrustedEvCertificates = false });

        // In TLS 1.3 the client learns of the rejection only when it next reads.
        try
        {
            await using var ev = await ConnectAsync(listener, VehicleClient(fixture.Foreign));
            var result = await ev.ReceiveAsync().AsTask().WaitAsync(Patience);
            Assert.NotEqual(V2gtpReadStatus.Message, result.Status);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // Refused during the handshake: equally correct.
        }

        await WaitForHandshakeFailuresAsync(listener, 1);
    }

    [Fact]
    public async Task Ev_refuses_a_secc_that_does_not_chain_to_its_v2g_root()
    {
        await using var listener = StartListener(new V2gTlsOptions());

        await Assert.ThrowsAsync<AuthenticationException>(() =>
            ConnectAsync(listener, new EvTlsClientOptions { TrustedRoots = [fixture.Foreign.V2gRoot] }));
    }

    [Fact]
    public async Task Stalled_handshake_times_out_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider();
        await using var listener = StartListener(new V2gTlsOptions { HandshakeTimeout = TimeSpan.FromSeconds(10) }, clock);
        using var silent = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        await silent.ConnectAsync(listener.LocalEndPoint!);

        await LoopbackV2g.WaitUntilAsync(() => clock.ActiveTimerCount > 0);
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, listener.HandshakeFailures);
        clock.Advance(TimeSpan.FromSeconds(1));

        await WaitForHandshakeFailuresAsync(listener, 1);
        Assert.Equal(0, await silent.ReceiveAsync(new byte[1], SocketFlags.None).WaitAsync(Patience));
    }

    private V2gListener StartListener(V2gTlsOptions options, TimeProvider? clock = null)
    {
        var listener = LoopbackV2g.StartListener(fixture.Pki, options, [fixture.Pki.OemRoot!], clock);
        Assert.True(listener.IsTls);
        return listener;
    }

    private static Task<IV2gConnection> ConnectAsync(V2gListener listener, EvTlsClientOptions options) =>
        LoopbackV2g.ConnectAsync(listener, options);

    private EvTlsClientOptions Tls12Client() => new()
    {
        TrustedRoots = [fixture.Pki.V2gRoot],
        Protocols = SslProtocols.Tls12,
        CipherSuites = [V2gTlsProfile.Tls12CipherSuite],
    };

    private EvTlsClientOptions VehicleClient(TestUtilities.Pki.V2gTestPki vehiclePki) => new()
    {
        TrustedRoots = [fixture.Pki.V2gRoot],
        ClientCertificate = vehiclePki.VehicleLeaf,
        ClientIntermediates = vehiclePki.VehicleIntermediates,
    };

    private static Task WaitForHandshakeFailuresAsync(V2gListener listener, long expected) =>
        LoopbackV2g.WaitUntilAsync(() => listener.HandshakeFailures >= expected);
}
