using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Station;
using ChargePoint.Ocpp.Tests.Peer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Ocpp.Tests.Station;

/// <summary>A whole OCPP station runtime (temp storage) running against the strict peer.</summary>
public sealed class StationHarness : IAsyncDisposable
{
    private CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;

    public StationHarness(StrictCsmsPeer peer, string stationId, string? storagePath = null, ILoggerFactory? loggers = null, Action<OcppRpcOptions>? configure = null)
    {
        StoragePath = storagePath ?? Directory.CreateTempSubdirectory("cp-ocpp-").FullName;
        Options = PeerFixture.TestOptions(peer, stationId);
        configure?.Invoke(Options);
        Runtime = new OcppStationRuntime(Options, StoragePath, StationLayout.BidirectionalDc(), TimeProvider.System, loggers ?? NullLoggerFactory.Instance);
    }

    public string StoragePath { get; }

    public OcppRpcOptions Options { get; }

    public OcppStationRuntime Runtime { get; }

    public IOcppStationPort Port => Runtime.Station.Transactions;

    public StationHarness Start()
    {
        _run = Runtime.RunAsync(_stop.Token);
        return this;
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _run;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await Runtime.DisposeAsync();
        _stop.Dispose();
    }
}
