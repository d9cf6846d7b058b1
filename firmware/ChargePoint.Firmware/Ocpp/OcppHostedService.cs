using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Energy;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.SmartCharging.Wire;
using ChargePoint.Ocpp.Station;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// Runs the OCPP 2.1 client for the station's lifetime, against Ocpp:CsmsUrl or, in simulation, the built-in
/// CSMS once the rig has started it. The CSMS's charging profiles feed the firmware's
/// <see cref="ChargingSchedules"/>. A Reset accepted from the CSMS stops the host; the service manager starts the
/// firmware again. Registered before the EVSE service, so it stops after it and the final TransactionEvent is
/// still queued (durably) and, when the link is up, sent.
/// </summary>
public sealed partial class OcppHostedService : IHostedService, IAsyncDisposable
{
    private readonly IConfiguration _configuration;
    private readonly ILoggerFactory _loggers;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _time;
    private readonly CsmsEndpoint _endpoint;
    private readonly HalOptions _hal;
    private readonly ChargingSchedules _schedules;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<OcppStationRuntime?> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private OcppStationRuntime? _runtime;
    private Task? _run;
    private readonly ChargePoint.Ocpp.Rpc.IOcppFrameObserver? _frameObserver;

    public OcppHostedService(IConfiguration configuration, ILoggerFactory loggers, IHostApplicationLifetime lifetime, TimeProvider time,
        CsmsEndpoint endpoint, IOptions<HalOptions> hal, ChargingSchedules schedules, ChargePoint.Ocpp.Rpc.IOcppFrameObserver? frameObserver = null)
    {
        ArgumentNullException.ThrowIfNull(hal);
        _frameObserver = frameObserver;
        _configuration = configuration;
        _loggers = loggers;
        _lifetime = lifetime;
        _time = time;
        _endpoint = endpoint;
        _hal = hal.Value;
        _schedules = schedules;
        _logger = loggers.CreateLogger<OcppHostedService>();
    }

    /// <summary>The running client, once the CSMS URL is known (null when the station has no CSMS).</summary>
    public Task<OcppStationRuntime?> Runtime => _ready.Task;

    /// <summary>
    /// The running client (whose profile store the station follows), null on a station without a CSMS; false while
    /// a configured client is still starting, when local controls must wait.
    /// </summary>
    public bool TryRuntime(out OcppStationRuntime? runtime)
    {
        runtime = null;
        if (!Runtime.IsCompleted)
        {
            return false;
        }

        runtime = Runtime.IsCompletedSuccessfully ? Runtime.Result : null;
        return true;
    }

    /// <summary>The port the OCPP client offers the firmware (null when OCPP is not configured).</summary>
    public IOcppStationPort? Port => _runtime?.Station.Transactions;

    /// <summary>Reports the site energy manager's limits to the CSMS (K11-K13) while OCPP runs.</summary>
    public ExternalLimitReporter? ExternalLimits { get; private set; }

    /// <summary>The RPC client while OCPP runs (diagnostics: connection state and subprotocol).</summary>
    public ChargePoint.Ocpp.Rpc.OcppRpcClient? Rpc => _runtime?.Rpc;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_endpoint.ExpectsCsms)
        {
            LogDisabled();
            _ready.TrySetResult(null);
            return Task.CompletedTask;
        }

        if (_endpoint.IsConfigured)
        {
            // A bad configured value stops start-up with one message naming the key.
            _run = Start(OcppSettings.Read(_configuration));
            return Task.CompletedTask;
        }

        _run = Task.Run(() => StartWhenCsmsKnownAsync(_stop.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_runtime is not null)
        {
            // Give the durable queue a moment to hand the last events (e.g. TransactionEvent Ended) to the CSMS.
            var deadline = _time.GetTimestamp();
            while (_runtime.Rpc.IsConnected && _runtime.Outbox.Count > 0 && _time.GetElapsedTime(deadline) < TimeSpan.FromSeconds(3))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken).ConfigureAwait(false);
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _ready.TrySetResult(null);
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

    private async Task StartWhenCsmsKnownAsync(CancellationToken cancellationToken)
    {
        var url = await _endpoint.UrlAsync(cancellationToken).ConfigureAwait(false);
        if (url is null)
        {
            LogDisabled();
            _ready.TrySetResult(null);
            return;
        }

        Task run;
        try
        {
            run = Start(OcppSettings.Read(_configuration, url));
        }
        catch (StationStartupException ex)
        {
            LogStartFailed(ex.Message);
            _ready.TrySetResult(null);
            _lifetime.StopApplication();
            return;
        }

        await run.ConfigureAwait(false);
    }

    private Task Start((ChargePoint.Ocpp.Rpc.OcppRpcOptions Options, string StoragePath) settings)
    {
        var layout = new StationLayout("CP-V2G-DC", "ChargePoint", null, typeof(OcppHostedService).Assembly.GetName().Version?.ToString(),
            EvseCount: 1, ConnectorsPerEvse: 1, _hal.MaxChargePowerWatts, _hal.MaxDischargePowerWatts, "cCCS2");
        settings.Options.FrameObserver = _frameObserver;
        var runtime = new OcppStationRuntime(settings.Options, settings.StoragePath, layout, _time, _loggers);
        runtime.Station.ResetRequested += type =>
        {
            LogReset(type.ToString());
            _lifetime.StopApplication();
        };

        // OCPPCommCtrlr's back-off values (persisted; the CSMS may change them) drive reconnection (B10).
        ApplyBackOff(runtime, settings.Options);
        runtime.DeviceModel.Changed += (declaration, _) =>
        {
            if (declaration.Component.Name == "OCPPCommCtrlr")
            {
                ApplyBackOff(runtime, settings.Options);
            }
        };

        // The CSMS's profiles are the ones the charge loop follows; its AFRR signals (Q08) and priority-charging
        // switches (K21) reach the energy decision of the running transaction.
        _schedules.UseStore(runtime.SmartCharging.Store);
        runtime.SmartCharging.ProfilesChanged += _schedules.ProfilesChanged;
        runtime.V2x.AfrrSignalReceived += _schedules.AfrrSignalReceived;
        runtime.V2x.PriorityChargingRequested += request => _schedules.SetPriorityCharging(request.EvseId, request.TransactionId, request.Activate);
        ExternalLimits = new ExternalLimitReporter(runtime.V2x, runtime.Station.Transactions, runtime.DeviceModel, _loggers.CreateLogger<ExternalLimitReporter>());
        _runtime = runtime;
        LogStarting(settings.Options.CsmsUrl, settings.Options.StationId);
        var run = Task.Run(() => runtime.RunAsync(_stop.Token), CancellationToken.None);
        _ready.TrySetResult(runtime);
        return run;
    }

    private static void ApplyBackOff(OcppStationRuntime runtime, ChargePoint.Ocpp.Rpc.OcppRpcOptions options)
    {
        var model = runtime.DeviceModel;
        options.RetryBackOffWaitMinimum = TimeSpan.FromSeconds(model.GetInt("OCPPCommCtrlr", "RetryBackOffWaitMinimum"));
        options.RetryBackOffRandomRange = TimeSpan.FromSeconds(model.GetInt("OCPPCommCtrlr", "RetryBackOffRandomRange"));
        options.RetryBackOffRepeatTimes = model.GetInt("OCPPCommCtrlr", "RetryBackOffRepeatTimes");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OCPP client disabled: Ocpp:CsmsUrl is not set")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "OCPP client connecting to {Url} as {StationId}")]
    private partial void LogStarting(Uri url, string stationId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "OCPP client cannot start: {Problem}")]
    private partial void LogStartFailed(string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "CSMS requested a {Type} reset: stopping the firmware")]
    private partial void LogReset(string type);
}
