using System.Net;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Tests.Sdp;
using ChargePoint.V2g.Tests.Tls;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.V2g.Tests.Transport;

/// <summary>The options path end to end: PEM files → TLS listener → SDP → EV connects with TLS 1.3.</summary>
public sealed class V2gTransportStackTests(PkiFixture fixture) : IClassFixture<PkiFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly string _folder = Directory.CreateTempSubdirectory("cp-stack-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Ev_discovers_tls_and_connects_with_tls13_using_pem_files_with_an_encrypted_key()
    {
        var files = fixture.Pki.WriteSeccPem(_folder, password: "pw");
        await using var stack = Start(SdpSecurityPolicy.TlsRequired, TlsOptions(files, "pw"));

        var response = await DiscoverAsync(stack, SdpSecurity.Tls);
        Assert.Equal(SdpSecurity.Tls, response?.Security);

        var ev = new EvTlsAuthenticator(
            new EvTlsClientOptions
            {
                TrustedRoots = [fixture.Pki.V2gRoot],
                ClientCertificate = fixture.Pki.VehicleLeaf,
                ClientIntermediates = fixture.Pki.VehicleIntermediates,
            },
            TimeProvider.System);
        await using var evConnection = await V2gConnector.ConnectAsync(response!.Value.EndPoint, ev, 1024).WaitAsync(Patience);
        await using var secc = await stack.AcceptAsync().AsTask().WaitAsync(Patience);

        Assert.True(secc.Security.PermitsIso15118Part20);
        Assert.True(secc.Security.ClientCertificateTrusted);
        Assert.Null(stack.PlainListener);
    }

    [Fact]
    public async Task Wrong_key_password_keeps_tls_down_and_sdp_offers_plain_only()
    {
        var files = fixture.Pki.WriteSeccPem(_folder, password: "pw");
        await using var stack = Start(SdpSecurityPolicy.TlsOffered, TlsOptions(files, "not-it"));

        var response = await DiscoverAsync(stack, SdpSecurity.Tls);

        Assert.Null(stack.TlsListener);
        Assert.Contains("password", stack.TlsUnavailableReason, StringComparison.Ordinal);
        Assert.Equal(SdpSecurity.None, response?.Security);
        Assert.Equal(stack.PlainListener!.LocalEndPoint, response?.EndPoint);
    }

    [Fact]
    public async Task Tls_required_without_certificates_announces_nothing()
    {
        await using var stack = Start(SdpSecurityPolicy.TlsRequired, new V2gTlsOptions());
        var client = new SdpClient(Unicast(stack, maxRequests: 2, TimeSpan.FromMilliseconds(50)), TimeProvider.System);

        Assert.Null(await client.DiscoverAsync(SdpSecurity.Tls).WaitAsync(Patience));
        Assert.Null(stack.TlsListener);
        Assert.Null(stack.PlainListener);
    }

    [MulticastFact]
    public async Task On_a_named_interface_the_ev_finds_tls_by_multicast_and_connects_to_the_link_local_address()
    {
        var files = fixture.Pki.WriteSeccPem(_folder);
        var nic = V2gNetworkInterface.Resolve(MulticastFactAttribute.FindInterfaceName()!);
        var network = new V2gNetworkOptions { Interface = nic.Name, SdpPort = DynamicPortRange.Pick(), SecurityPolicy = SdpSecurityPolicy.TlsRequired };
        await using var stack = V2gTransportStack.Start(network, TlsOptions(files, password: ""), new V2gtpOptions(), TimeProvider.System, NullLoggerFactory.Instance);

        var response = await new SdpClient(new SdpClientOptions { Interface = nic, Port = network.SdpPort, MaxRequests = 20 }, TimeProvider.System)
            .DiscoverAsync(SdpSecurity.Tls)
            .WaitAsync(Patience);
        Assert.Equal(SdpSecurity.Tls, response?.Security);
        Assert.Equal(nic.LinkLocalAddress, response!.Value.Address);

        var ev = new EvTlsAuthenticator(new EvTlsClientOptions { TrustedRoots = [fixture.Pki.V2gRoot] }, TimeProvider.System);
        await using var evConnection = await V2gConnector.ConnectAsync(response.Value.EndPoint, ev, 1024).WaitAsync(Patience);
        await using var secc = await stack.AcceptAsync().AsTask().WaitAsync(Patience);
        Assert.True(secc.Security.PermitsIso15118Part20);
    }

    private static V2gTransportStack Start(SdpSecurityPolicy policy, V2gTlsOptions tls) => V2gTransportStack.Start(
        new V2gNetworkOptions { SdpPort = DynamicPortRange.Pick(), SecurityPolicy = policy },
        tls,
        new V2gtpOptions(),
        TimeProvider.System,
        NullLoggerFactory.Instance);

    private static V2gTlsOptions TlsOptions(SeccPemFiles files, string password) => new()
    {
        CertificateChain = files.CertificateChain,
        PrivateKey = files.PrivateKey,
        PrivateKeyPassword = password,
        TrustedRoots = files.TrustedRoots,
    };

    private static Task<SdpResponse?> DiscoverAsync(V2gTransportStack stack, SdpSecurity security) =>
        new SdpClient(Unicast(stack, maxRequests: 20, TimeSpan.FromMilliseconds(250)), TimeProvider.System)
            .DiscoverAsync(security)
            .WaitAsync(Patience);

    private static SdpClientOptions Unicast(V2gTransportStack stack, int maxRequests, TimeSpan retry) => new()
    {
        Destination = IPAddress.IPv6Loopback,
        Port = stack.Sdp.LocalEndPoint!.Port,
        MaxRequests = maxRequests,
        RetryInterval = retry,
    };
}
