using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Station;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// Runs the OCPP 2.1 client for the station's lifetime. A Reset accepted from the CSMS stops the host; the
/// service manager starts the firmware again.
/// </summary>
public sealed partial class OcppHostedService : IHostedService, IAsyncDisposable
{
    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggers;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private OcppStationRuntime? _runtime;
    private Task? _run;
    private readonly ChargePoint.Ocpp.Rpc.IOcppFrameObserver? _frameObserver;

    public OcppHostedService(IConfiguration configuration, ILoggerFactory loggers, IHostApplicationLifetime lifetime, TimeProvider time, ChargePoint.Ocpp.Rpc.IOcppFrameObserver? frameObserver = null)
    {
        _frameObserver = frameObserver;
        _configuration = configuration;
        _loggers = loggers;
        _lifetime = lifetime;
        _time = time;
        _logger = loggers.CreateLogger<OcppHostedService>();
    }

    /// <summary>The station port the rest of the firmware drives (null when OCPP is not configured).</summary>
    public IOcppStationPort? Port => _runtime?.Station.Transactions;

    /// <summary>The RPC client while OCPP runs (diagnostics: connection state and subprotocol).</summary>
    public ChargePoint.Ocpp.Rpc.OcppRpcClient? Rpc => _runtime?.Rpc;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!OcppSettings.IsEnabled(_configuration))
        {
            LogDisabled();
            return Task.CompletedTask;
        }

        var (options, storagePath) = OcppSettings.Read(_configuration);
        options.FrameObserver = _frameObserver;
        var layout = StationLayout.BidirectionalDc(firmwareVersion: typeof(OcppHostedService).Assembly.GetName().Version?.ToString());
        _runtime = new OcppStationRuntime(options, storagePath, layout, _time, _loggers);
        _runtime.Station.ResetRequested += type =>
        {
            LogReset(type.ToString());
            _lifetime.StopApplication();
        };
        _run = Task.Run(() => _runtime.RunAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_run is not null)
        {
            try
            {
                await _run.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_runtime is not null)
        {
            await _runtime.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OCPP client disabled: Ocpp:CsmsUrl is not set")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSMS requested a {Type} reset: stopping the firmware")]
    private partial void LogReset(string type);
}
