using System.Net;
using ChargePoint.Simulators.Ev;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ChargePoint.V2g.Tests.Secc;

/// <summary>Our SECC host behind a real TLS 1.3 (or plain TCP) listener on IPv6 loopback, with the simulated
/// firmware on its seams, and the EV simulator as the peer.</summary>
public sealed class SeccLoopback : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly V2gListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _host;
    private readonly V2gTestPki _pki;
    private readonly ITestOutputHelper? _output;

    public SeccLoopback(
        V2gTestPki pki,
        ITestOutputHelper? output = null,
        SeccOptions? options = null,
        TimeProvider? time = null,
        bool tls = true,
        bool allowTls12 = false,
        Func<SeccControl, SimulatedFirmware>? firmware = null)
    {
        _pki = pki;
        _output = output;
        Time = time ?? TimeProvider.System;
        Options = options ?? new SeccOptions();
        Control = new SeccControl(
            new DcEvseLimits(60_000, 0, 150, 0, 500, 150, 30_000, 0, 80, 0),
            new AcEvseLimits(22_000, 1_400, 11_000, 0, 50, 230));
        Firmware = firmware?.Invoke(Control) ?? new SimulatedFirmware(Control);
        var authenticator = tls
            ? new SeccTlsAuthenticator(new SeccCredentials(pki.SeccLeaf, pki.SeccIntermediates, [pki.OemRoot!]), new V2gTlsOptions { AllowTls12 = allowTls12 }, Time)
            : null;
        _listener = new V2gListener(IPAddress.IPv6Loopback, 0, authenticator, V2gtpOptions.DefaultMaxPayloadLength, NullLogger<V2gListener>.Instance);
        _listener.Start();
        Host = SeccSessionHost.ForListener(_listener, Options, Control, Firmware, Time, NullLogger<SeccSessionHost>.Instance);
        _host = Host.RunAsync(_stop.Token);
    }

    public SeccOptions Options { get; }

    public SeccControl Control { get; }

    public SimulatedFirmware Firmware { get; }

    public SeccSessionHost Host { get; }

    public TimeProvider Time { get; }

    public IPEndPoint EndPoint => _listener.LocalEndPoint!;

    public EvTlsClientOptions EvTls(System.Security.Authentication.SslProtocols protocols = System.Security.Authentication.SslProtocols.Tls13) => new()
    {
        TrustedRoots = [_pki.V2gRoot],
        Protocols = protocols,
        CipherSuites = protocols == System.Security.Authentication.SslProtocols.Tls12 ? [V2gTlsProfile.Tls12CipherSuite] : null,
    };

    public Task<EvSessionResult> RunEvAsync(EvSimulatorOptions options, EvTlsClientOptions? tls = null, bool plain = false) =>
        EvSimulator.RunAsync(EndPoint, plain ? null : tls ?? EvTls(), options, Time, Trace).WaitAsync(Patience);

    public Task<IV2gConnection> ConnectAsync() =>
        V2gConnector.ConnectAsync(EndPoint, new EvTlsAuthenticator(EvTls(), Time), V2gtpOptions.DefaultMaxPayloadLength).WaitAsync(Patience);

    public void Trace(string line)
    {
        try
        {
            _output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished; late trace lines are dropped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _listener.DisposeAsync();
        await _host.WaitAsync(Patience);
        _stop.Dispose();
    }
}
