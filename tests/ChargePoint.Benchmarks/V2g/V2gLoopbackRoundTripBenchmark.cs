using System.Net;
using BenchmarkDotNet.Attributes;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Benchmarks.V2g;

/// <summary>
/// EV sends a ~100-byte V2GTP frame over IPv6 loopback, the SECC side echoes it, the EV reads the echo:
/// one request/response round trip through framing, SslStream (TLS 1.3, TLS_AES_256_GCM_SHA384) and TCP.
/// The plain-TCP case shows what TLS adds. Run:
///   dotnet run -c Release --project tests/ChargePoint.Benchmarks -- --filter '*V2gLoopbackRoundTrip*'
/// </summary>
[Config(typeof(PerRoundTripConfig))]
public class V2gLoopbackRoundTripBenchmark
{
    private readonly V2gtpMessage _request = new(V2gtpPayloadType.DcMessages, Enumerable.Range(0, 100).Select(i => (byte)i).ToArray());
    private V2gTestPki _pki = null!;
    private V2gListener _listener = null!;
    private IV2gConnection _ev = null!;
    private IV2gConnection _secc = null!;
    private Task _echo = Task.CompletedTask;

    [Params(true, false)]
    public bool Tls { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> RoundTrip()
    {
        await _ev.SendAsync(_request);
        var response = await _ev.ReceiveAsync();
        return response.Message.Payload.Length;
    }

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        _pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
        var authenticator = Tls
            ? new SeccTlsAuthenticator(new SeccCredentials(_pki.SeccLeaf, _pki.SeccIntermediates, []), new V2gTlsOptions(), TimeProvider.System)
            : null;
        _listener = new V2gListener(IPAddress.IPv6Loopback, 0, authenticator, V2gtpOptions.DefaultMaxPayloadLength, NullLogger<V2gListener>.Instance);
        _listener.Start();
        var evTls = Tls ? new EvTlsAuthenticator(new EvTlsClientOptions { TrustedRoots = [_pki.V2gRoot] }, TimeProvider.System) : null;
        _ev = await V2gConnector.ConnectAsync(_listener.LocalEndPoint!, evTls, V2gtpOptions.DefaultMaxPayloadLength);
        _secc = await _listener.AcceptAsync();
        if (Tls && !_secc.Security.IsTls13)
        {
            throw new InvalidOperationException($"Expected TLS 1.3, got {_secc.Security}");
        }

        _echo = EchoAsync(_secc);
    }

    private static async Task EchoAsync(IV2gConnection secc)
    {
        while (true)
        {
            var request = await secc.ReceiveAsync();
            if (request.Status != V2gtpReadStatus.Message)
            {
                return;
            }

            await secc.SendAsync(request.Message);
        }
    }

    private async Task CleanupAsync()
    {
        await _ev.DisposeAsync();
        await _echo;
        await _secc.DisposeAsync();
        await _listener.DisposeAsync();
        _pki.Dispose();
    }
}
