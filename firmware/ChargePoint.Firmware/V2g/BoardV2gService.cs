using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.V2g;

/// <summary>
/// A board's high-level communication: at start-up, SLAC on the PLC modem's interface (<c>V2g:Interface</c>, a raw
/// packet socket: CAP_NET_RAW), SDP and TCP/TLS 1.3 on that interface's IPv6 link-local address with the SECC
/// material of <c>V2g:Tls</c>; the EVSE manager then takes its sessions from it. Anything missing stops start-up
/// with one message naming the setting; the stack is opened when the service is constructed, so the start-up
/// preflight (<see cref="Hosting.StationHostBuilder.Preflight"/>) reports it before any service runs. Stopped after the EVSE (registered before it), so a running session is
/// ended by the EVSE's shutdown, not by a vanishing link.
/// </summary>
public sealed partial class BoardV2gService(
    IOptions<V2gNetworkOptions> network,
    IOptions<V2gTlsOptions> tls,
    IOptions<V2gStationOptions> station,
    IOptions<HalOptions> rating,
    HlcSessionSourceSlot slot,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<BoardV2gService> logger,
    IV2gPacketInspector? inspector = null) : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly bool _slac = station.Value.Slac ?? true;
    private SeccSessionSource? _source = InterfaceV2g.Start(network.Value, tls.Value, station.Value, rating.Value, station.Value.Slac ?? true, time, loggers, inspector);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_source is { } source)
        {
            LogStarted(logger, network.Value.Interface!, _slac);
            slot.Fill(source);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _source, null) is { } source)
        {
            await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(EventId = LogAreas.V2g + 30, Level = LogLevel.Information, Message = "V2G on {Interface}: SLAC {Slac}, SDP on UDP 15118, TLS 1.3 on the link-local address")]
    private static partial void LogStarted(ILogger logger, string @interface, bool slac);
}
