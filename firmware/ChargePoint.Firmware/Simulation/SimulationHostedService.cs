using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.V2g;
using ChargePoint.Hal.Simulated;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Simulation;

/// <summary>
/// <c>chargepoint --simulate</c>: starts the simulation plug-in's peers and EVSE 1's real ISO 15118-20 stack
/// (SLAC on the in-memory PLC segment the rig's modem shares, SDP and TLS 1.3 on loopback) and, with
/// <c>Simulation:Sessions=N</c>, plugs the EV in N times, prints one summary line per session and stops the host
/// with exit code 0 only when every session succeeded. Without it the EV plugs in again after each session until
/// the process is stopped. With <c>Simulation:Ev=external</c> the stack runs on <c>V2g:Interface</c> (SLAC first
/// with <c>V2g:Slac=true</c>) and the simulated pilot follows the outside EV's session; with <c>none</c> the
/// station boots and waits.
/// </summary>
public sealed partial class SimulationHostedService(
    IOptions<SimulationOptions> options,
    IOptions<StationOcppOptions> ocpp,
    CsmsEndpoint csms,
    OcppHostedService ocppClient,
    IServiceProvider services,
    SimulatedStationHardware hardware,
    HlcSessionSourceSlot slot,
    EvseHostedService evse,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SimulationHostedService> logger) : BackgroundService
{
    private ISimulationRig? _rig;
    private SeccSessionSource? _secc;
    private bool _externalSlac;

    /// <summary>The loaded simulation plug-in (tests read what its EV saw).</summary>
    public ISimulationRig? Rig => _rig;

    /// <summary>Every finished session's summary, in order (tests read it).</summary>
    public List<string> Summaries { get; } = [];

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Guarded by SimulationFeature.IsSupported, a feature switch that trimmed builds set to false, so the trimmer removes the plug-in load.")]
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!SimulationFeature.IsSupported)
        {
            // Unreachable: the host builder refuses --simulate first. Kept so the trimmer can drop the load.
            throw new StationStartupException("this firmware build has no simulation support.");
        }

        _rig = SimulationPluginLoader.Load(AppContext.BaseDirectory);
        var v2g = SimulatedV2g.From(services);
        var request = new SimulationRequest(
            settings.Ev,
            string.IsNullOrWhiteSpace(ocpp.Value.CsmsUrl),
            TimeSpan.FromSeconds(settings.ChargeSeconds),
            TimeSpan.FromSeconds(settings.DischargeSeconds),
            v2g.Tls.IsConfigured ? v2g.Tls.CertificateChain : null,
            TimeSpan.FromSeconds(settings.PauseSeconds));
        SimulationPeers peers;
        try
        {
            peers = await _rig.StartAsync(request, services, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            csms.Provide(null);
            throw;
        }

        csms.Provide(peers.CsmsUrl);
        LogRigStarted(logger, settings.Ev, peers.Description);
        if (settings.Ev == SimulatedV2g.ExternalScenario)
        {
            _secc = v2g.StartForExternalEv();
            _externalSlac = v2g.ExternalEvUsesSlac;
            FollowExternalEv(_secc, _externalSlac);
            slot.Fill(_secc);
        }
        else if (peers.Ev is { } ev)
        {
            _secc = v2g.StartOnSegment(ev);
            slot.Fill(_secc);
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!slot.IsFilled)
        {
            return;
        }

        var external = settings.Ev == SimulatedV2g.ExternalScenario;

        var manager = await evse.Manager.WaitAsync(stoppingToken).ConfigureAwait(false);

        // Subscribed before anything else is awaited: an outside EV may connect and even finish its session while
        // the station still registers at the CSMS, and a session that ends unobserved would leave this loop
        // waiting for ever.
        var finished = Channel.CreateUnbounded<SessionRecord>();
        void OnFinished(SessionRecord record) => finished.Writer.TryWrite(record);
        manager.SessionFinished += OnFinished;
        try
        {
            await RunSessionsAsync(manager, finished.Reader, external, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
        finally
        {
            manager.SessionFinished -= OnFinished;
        }
    }

    private async Task RunSessionsAsync(EvseManager manager, ChannelReader<SessionRecord> finished, bool external, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await WaitForBuiltInCsmsAsync(stoppingToken).ConfigureAwait(false);
        using var live = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        var liveTask = PrintLiveAsync(live, manager, stoppingToken);
        var failures = 0;
        for (var n = 1; settings.Sessions is not { } total || n <= total; n++)
        {
            // With SLAC the vehicle is plugged in first (the EV matches once the pilot shows 5 %); without it, it
            // plugs in when the outside EV's connection arrives.
            var record = external && !_externalSlac
                ? await finished.ReadAsync(stoppingToken).ConfigureAwait(false)
                : await PlugInSessionAsync(manager, finished, stoppingToken).ConfigureAwait(false);
            var line = SessionSummaryLine.Format(n, settings.Ev, record);
            Summaries.Add(line);
            await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
            failures += record.Succeeded ? 0 : 1;
        }

        Environment.ExitCode = failures == 0 ? 0 : 1;
        lifetime.StopApplication();
        await liveTask.ConfigureAwait(false);
    }

    /// <summary>The EV and the V2G stack outlive the stop of this service: the EVSE stops after it (reverse
    /// registration order) and ends a running session itself, as a shutdown (stoppedReason Local), not as a lost
    /// link. They are released with the host.</summary>
    public override void Dispose()
    {
        // The host may be disposed after stopping twice (Simulation:Sessions reached, then disposal): release once.
        if (Interlocked.Exchange(ref _rig, null) is { } rig)
        {
            rig.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (Interlocked.Exchange(ref _secc, null) is { } secc)
        {
            secc.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose();
    }

    /// <summary>An outside EV: the simulated vehicle closes S2 on PowerDelivery Start and opens it on Stop. Without
    /// SLAC it plugs in when its V2G connection arrives and unplugs when the session is over; with SLAC the session
    /// loop plugs it in and out around each session.</summary>
    private void FollowExternalEv(SeccSessionSource secc, bool slac)
    {
        if (!slac)
        {
            secc.ConnectionArrived += () =>
            {
                if (!hardware.Ev.IsPluggedIn)
                {
                    hardware.Ev.PlugIn();
                }
            };
            secc.SessionEnded += _ => hardware.Ev.Unplug();
        }

        secc.PowerDelivery += command =>
        {
            if (command == ChargePoint.V2g.Secc.PowerDeliveryCommand.Start && hardware.Ev.IsPluggedIn)
            {
                hardware.Ev.CloseS2();
            }
            else if (command is ChargePoint.V2g.Secc.PowerDeliveryCommand.Stop or ChargePoint.V2g.Secc.PowerDeliveryCommand.Standby)
            {
                hardware.Ev.OpenS2();
            }
        };
    }

    /// <summary>The simulated EV plugs in once the EVSE is idle again, and unplugs when its session is over.</summary>
    private async Task<SessionRecord> PlugInSessionAsync(EvseManager manager, ChannelReader<SessionRecord> finished, CancellationToken cancellationToken)
    {
        await WaitIdleAsync(manager, cancellationToken).ConfigureAwait(false);
        hardware.Ev.PlugIn();
        var record = await finished.ReadAsync(cancellationToken).ConfigureAwait(false);
        hardware.Ev.Unplug();
        return record;
    }

    /// <summary>With the simulation's own CSMS, the first EV plugs in once the station is registered, so the
    /// session shows the whole OCPP exchange (an external CSMS may be down on purpose: no wait then).</summary>
    private async Task WaitForBuiltInCsmsAsync(CancellationToken cancellationToken)
    {
        if (csms.IsConfigured || await ocppClient.Runtime.WaitAsync(cancellationToken).ConfigureAwait(false) is not { } runtime)
        {
            return;
        }

        var started = time.GetTimestamp();
        while (runtime.Station.Registration != ChargePoint.Ocpp.Messages.RegistrationStatusEnumType.Accepted && time.GetElapsedTime(started) < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitIdleAsync(EvseManager manager, CancellationToken cancellationToken)
    {
        while (manager.State != EvseState.Idle || manager.ConnectorStatus != Ocpp.ConnectorStatus.Available)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PrintLiveAsync(PeriodicTimer timer, EvseManager manager, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (manager.State is not EvseState.Idle)
                {
                    await Console.Out.WriteLineAsync(LiveConsole.Line(manager, hardware)).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }

    [LoggerMessage(EventId = LogAreas.Simulation + 1, Level = LogLevel.Information, Message = "Simulation rig started for scenario {Scenario}: {Description}")]
    private static partial void LogRigStarted(ILogger logger, string scenario, string description);
}
