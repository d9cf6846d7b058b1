using System.Net;
using ChargePoint.TestUtilities;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Tests.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.V2g.Tests.Sdp;

/// <summary>SDP server and client over real UDP sockets (unicast on ::1; multicast where an interface allows).</summary>
public sealed class SdpServerTests(PkiFixture fixture) : IClassFixture<PkiFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = LoopbackV2g.Patience;
    private V2gListener _plain = null!;
    private V2gListener _tls = null!;

    public Task InitializeAsync()
    {
        _plain = LoopbackV2g.StartListener(pki: null);
        _tls = LoopbackV2g.CreateListener(fixture.Pki);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _plain.DisposeAsync();
        await _tls.DisposeAsync();
    }

    [Fact]
    public async Task Tls_is_advertised_only_while_the_tls_listener_is_up()
    {
        await using var server = StartServer(SdpSecurityPolicy.TlsOffered);

        var beforeStart = await DiscoverAsync(server, SdpSecurity.Tls);
        Assert.Equal(SdpSecurity.None, beforeStart?.Security);
        Assert.Equal(_plain.LocalEndPoint, beforeStart?.EndPoint);

        _tls.Start();
        var whileUp = await DiscoverAsync(server, SdpSecurity.Tls);
        Assert.Equal(SdpSecurity.Tls, whileUp?.Security);
        Assert.Equal(_tls.LocalEndPoint, whileUp?.EndPoint);
        Assert.Equal(SdpTransportProtocol.Tcp, whileUp?.TransportProtocol);

        await _tls.DisposeAsync();
        var afterStop = await DiscoverAsync(server, SdpSecurity.Tls);
        Assert.Equal(SdpSecurity.None, afterStop?.Security);
        Assert.Equal(3, server.RequestsAnswered);
    }

    [Fact]
    public async Task Tls_required_without_a_tls_listener_stays_silent()
    {
        await using var server = StartServer(SdpSecurityPolicy.TlsRequired);
        var client = new SdpClient(UnicastTo(server, maxRequests: 2, retry: TimeSpan.FromMilliseconds(50)), TimeProvider.System);

        var response = await client.DiscoverAsync(SdpSecurity.None).WaitAsync(Patience);

        Assert.Null(response);
        Assert.Equal(2, client.RequestsSent);
        Assert.Equal(2, server.RequestsRefused);
    }

    [Fact]
    public async Task Tls_off_answers_plain_even_when_tls_is_up()
    {
        _tls.Start();
        await using var server = StartServer(SdpSecurityPolicy.TlsOff);

        var response = await DiscoverAsync(server, SdpSecurity.Tls);

        Assert.Equal(SdpSecurity.None, response?.Security);
        Assert.Equal(_plain.LocalEndPoint!.Port, response?.EndPoint.Port);
    }

    [Fact]
    public void Wireless_and_malformed_requests_get_no_answer_and_are_counted()
    {
        var server = new SdpServer(new V2gNetworkOptions(), null, _tls, _plain, NullLogger<SdpServer>.Instance);
        var wireless = SdpDatagram.Frame(V2gtpPayloadType.SdpRequestWireless, new byte[62]);

        Assert.Null(server.Respond(wireless));
        Assert.Null(server.Respond([0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 2, 0x33, 0x00]));
        Assert.Null(server.Respond([0x02, 0xFD, 0x90, 0x00, 0, 0, 0, 2, 0x10, 0x00]));
        Assert.NotNull(server.Respond(new SdpRequest(SdpSecurity.None, SdpTransportProtocol.Tcp).ToDatagram()));

        Assert.Equal(1, server.WirelessRequestsRefused);
        Assert.Equal(2, server.MalformedDatagrams);
        Assert.Equal(1, server.RequestsAnswered);
    }

    [Fact]
    public async Task Client_resends_every_interval_on_the_injected_clock_then_gives_up()
    {
        var clock = new FakeTimeProvider();
        await using var server = StartServer(SdpSecurityPolicy.TlsRequired);
        var client = new SdpClient(UnicastTo(server, maxRequests: 5, retry: TimeSpan.FromMilliseconds(250)), clock);

        var discovery = client.DiscoverAsync(SdpSecurity.Tls);
        for (var window = 0; window < 5; window++)
        {
            await LoopbackV2g.WaitUntilAsync(() => clock.ActiveTimerCount == 1);
            Assert.Equal(window + 1, client.RequestsSent);
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        Assert.Null(await discovery.WaitAsync(Patience));
        Assert.Equal(5, client.RequestsSent);
    }

    [MulticastFact]
    public async Task Request_to_ff02_1_on_the_interface_is_answered()
    {
        var nic = V2gNetworkInterface.Resolve(MulticastFactAttribute.FindInterfaceName()!);
        await using var plainOnLink = new V2gListener(nic.LinkLocalAddress!, 0, null, 1024, NullLogger<V2gListener>.Instance);
        plainOnLink.Start();
        var options = new V2gNetworkOptions { SdpPort = DynamicPortRange.Pick(), SecurityPolicy = SdpSecurityPolicy.TlsOffered };
        await using var server = new SdpServer(options, nic, null, plainOnLink, NullLogger<SdpServer>.Instance);
        server.Start();
        var client = new SdpClient(new SdpClientOptions { Interface = nic, Port = options.SdpPort, MaxRequests = 8 }, TimeProvider.System);

        var response = await client.DiscoverAsync(SdpSecurity.None).WaitAsync(Patience);

        Assert.NotNull(response);
        Assert.Equal(plainOnLink.LocalEndPoint, response.Value.EndPoint);
        Assert.True(response.Value.Address.IsIPv6LinkLocal);
    }

    private SdpServer StartServer(SdpSecurityPolicy policy)
    {
        var options = new V2gNetworkOptions { SdpPort = DynamicPortRange.Pick(), SecurityPolicy = policy };
        var server = new SdpServer(options, null, _tls, _plain, NullLogger<SdpServer>.Instance);
        server.Start();
        return server;
    }

    private static Task<SdpResponse?> DiscoverAsync(SdpServer server, SdpSecurity security) =>
        new SdpClient(UnicastTo(server, maxRequests: 20, retry: TimeSpan.FromMilliseconds(250)), TimeProvider.System)
            .DiscoverAsync(security)
            .WaitAsync(Patience);

    private static SdpClientOptions UnicastTo(SdpServer server, int maxRequests, TimeSpan retry) => new()
    {
        Destination = IPAddress.IPv6Loopback,
        Port = server.LocalEndPoint!.Port,
        MaxRequests = maxRequests,
        RetryInterval = retry,
    };
}
