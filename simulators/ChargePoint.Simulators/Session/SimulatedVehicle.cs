using System.Net;
using System.Security.Cryptography.X509Certificates;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Simulated;
using ChargePoint.Simulators.Ev;
using ChargePoint.Simulators.PlcModem;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Tls;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Simulators.Session;

/// <summary>
/// The simulated vehicle of <c>chargepoint --simulate</c>, talking to the station over the real protocol path:
/// each time it is plugged in and the pilot shows 5 % PWM it runs SLAC through its PLC modem on the station's
/// in-memory segment, discovers the SECC by SDP (unicast to [::1]), opens TLS 1.3 and runs the ISO 15118-20 EVCC
/// of its scenario for charge time + discharge time of charge loops. It closes S2 for PowerDelivery Start and
/// opens it after Stop; the discharge itself is the CSMS's request (a TxProfile), which the EV follows through the
/// station's targets. Pulling the plug drops its connection.
/// </summary>
public sealed partial class SimulatedVehicle : IAsyncDisposable
{
    /// <summary>-20 lets the EV take a few hundred ms per charge loop; 250 ms keeps the loop lively.</summary>
    public static readonly TimeSpan LoopPeriod = TimeSpan.FromMilliseconds(250);

    public static readonly MacAddress ModemPortAddress = MacAddress.Parse("02:00:00:00:0e:fe");

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private readonly EvScenario _scenario;
    private readonly SimulatedStationHardware _hardware;
    private readonly TimeProvider _time;
    private readonly TimeSpan _chargeTime;
    private readonly TimeSpan _dischargeTime;
    private readonly X509Certificate2 _trustedRoot;
    private readonly ILogger _logger;
    private readonly PlcModemSimulatorHost _modem;
    private readonly TaskCompletionSource<IPEndPoint> _sdp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;
    private volatile bool _matched;

    public SimulatedVehicle(
        EvScenario scenario,
        SimulatedStationHardware hardware,
        InMemoryEthernetSegment segment,
        X509Certificate2 trustedRoot,
        TimeProvider time,
        TimeSpan chargeTime,
        TimeSpan dischargeTime,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentNullException.ThrowIfNull(loggers);
        _scenario = scenario;
        _hardware = hardware;
        _time = time;
        _chargeTime = chargeTime;
        _dischargeTime = dischargeTime;
        _trustedRoot = trustedRoot;
        _logger = loggers.CreateLogger<SimulatedVehicle>();
        _modem = new PlcModemSimulatorHost(segment.CreatePort(ModemPortAddress, "plc-sim-ev"), new PlcModemSimulatorOptions(), time, loggers);
        _modem.Simulator.EvMatched += () => _matched = true;
        _run = RunAsync(_stop.Token);
    }

    /// <summary>The last finished EVCC session (what the EV saw: trace, SOC, outcome).</summary>
    public EvSessionResult? LastSession { get; private set; }

    /// <summary>When positive, each session is paused (SessionStop Pause) halfway through the charge time for this
    /// long, plugged in, and then resumed with its old SessionID.</summary>
    public TimeSpan PauseTime { get; init; }

    /// <summary>The paused part of the last paused session (what the EV saw before SessionStop Pause).</summary>
    public EvSessionResult? PausedSession { get; private set; }

    /// <summary>The station's SDP server is up (called once by the station).</summary>
    public void SeccReady(IPEndPoint sdp) => _sdp.TrySetResult(sdp);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _run;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await _modem.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        var sdp = await _sdp.Task.WaitAsync(cancellationToken);
        while (!cancellationToken.IsCancellationRequested)
        {
            await WaitUntilAsync(() => _hardware.Ev.IsPluggedIn && IsHighLevelPwm(), cancellationToken);
            try
            {
                await RunPluggedAsync(sdp, cancellationToken);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogUnplugged(_logger);
            }
#pragma warning disable CA1031 // One failed session (refused TLS, lost link) must not end the vehicle; the station reports the session failed.
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogSessionFailed(_logger, e.Message);
            }

            await WaitUntilAsync(() => !_hardware.Ev.IsPluggedIn, cancellationToken);
            _hardware.Ev.OpenS2();
        }
    }

    /// <summary>One plug-in: SLAC, SDP, TLS, the -20 session; cancelled when the plug is pulled.</summary>
    private async Task RunPluggedAsync(IPEndPoint sdp, CancellationToken cancellationToken)
    {
        using var plugged = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watch = WatchPlugAsync(plugged);
        try
        {
            await MatchAsync(plugged.Token);
            var secc = await EvSimulator.DiscoverAsync(new SdpClientOptions { Destination = sdp.Address, Port = sdp.Port }, tls: true, _time, plugged.Token)
                ?? throw new InvalidOperationException("no SECC answered SDP");
            LogDiscovered(_logger, secc);
            var pausing = PauseTime > TimeSpan.Zero;
            var session = await EvSimulator.RunAsync(secc, Tls(), Options(pausing ? PauseAfterLoops() : null, null, _chargeTime + _dischargeTime), _time, Trace, plugged.Token);
            if (pausing && session.Outcome == EvSessionOutcome.Paused)
            {
                PausedSession = session;
                LogPaused(_logger, session.ChargeLoops, PauseTime);
                await Task.Delay(PauseTime, _time, plugged.Token);

                // Waking up: SDP again (the SECC may have moved), then the old SessionID for the rest of the session.
                secc = await EvSimulator.DiscoverAsync(new SdpClientOptions { Destination = sdp.Address, Port = sdp.Port }, tls: true, _time, plugged.Token)
                    ?? throw new InvalidOperationException("no SECC answered SDP after the pause");
                var remaining = _chargeTime + _dischargeTime - (LoopPeriod * session.ChargeLoops);
                session = await EvSimulator.RunAsync(secc, Tls(), Options(null, session.SessionId, remaining > LoopPeriod ? remaining : LoopPeriod), _time, Trace, plugged.Token);
            }

            LastSession = session;
            LogFinished(_logger, LastSession.Outcome, LastSession.ChargeLoops, LastSession.FinalSocPercent);
        }
        finally
        {
            await plugged.CancelAsync();
            await watch;
        }
    }

    /// <summary>The EV's message trace; the charge loop (four exchanges a second) only at Debug.</summary>
    private void Trace(string line)
    {
        if (line.Contains("ChargeLoop", StringComparison.Ordinal))
        {
            LogLoopTrace(_logger, line);
        }
        else
        {
            LogTrace(_logger, line);
        }
    }

    private EvTlsClientOptions Tls() => new() { TrustedRoots = [_trustedRoot] };

    /// <summary>Halfway through the charge time, in charge loops.</summary>
    private int PauseAfterLoops() => Math.Max(1, (int)(_chargeTime / 2 / LoopPeriod));

    private EvSimulatorOptions Options(int? pauseAfterLoops, byte[]? resumeSessionId, TimeSpan loopDuration)
    {
        var battery = _hardware.Ev.Battery;
        return new EvSimulatorOptions
        {
            Service = _scenario.Service,
            ControlMode = _scenario.ControlMode,
            Battery = new EvBattery
            {
                CapacityWh = battery.CapacityWattHours,
                SocPercent = battery.StateOfChargePercent,
                Voltage = battery.TerminalVoltageVolts(0),
                MaximumVoltage = battery.MaxVoltageVolts,
                MinimumVoltage = battery.MinVoltageVolts,
            },
            LoopDuration = loopDuration,
            PauseAfterLoops = pauseAfterLoops,
            ResumeSessionId = resumeSessionId,
            LoopInterval = LoopPeriod,
            SimulatedTimePerLoop = LoopPeriod,
            OfferLegacyProtocols = false,
            PowerDeliveryChanging = start =>
            {
                if (start)
                {
                    if (_hardware.Ev.IsPluggedIn)
                    {
                        _hardware.Ev.CloseS2();
                    }
                }
                else
                {
                    _hardware.Ev.OpenS2();
                }
            },
        };
    }

    /// <summary>Starts SLAC and restarts it whenever the station's error routine brings the 5 % PWM back.</summary>
    private async Task MatchAsync(CancellationToken cancellationToken)
    {
        _matched = false;
        var started = _time.GetTimestamp();
        _modem.Simulator.StartEv();
        var pwmSeen = true;
        while (!_matched)
        {
            await Task.Delay(PollInterval, _time, cancellationToken);
            var pwm = IsHighLevelPwm();
            if (pwm && !pwmSeen)
            {
                _modem.Simulator.StartEv(); // E/F error routine over: the station waits for a new CM_SLAC_PARM.REQ
            }

            pwmSeen = pwm;
        }

        var elapsed = _time.GetElapsedTime(started);
        LogMatched(_logger, elapsed);
    }

    private async Task WatchPlugAsync(CancellationTokenSource plugged)
    {
        try
        {
            await WaitUntilAsync(() => !_hardware.Ev.IsPluggedIn, plugged.Token);
            await plugged.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // Session over first.
        }
    }

    private bool IsHighLevelPwm()
    {
        var output = _hardware.ControlPilot.Output;
        return output.Mode == PilotOutputMode.Pwm && output.DutyPercent is > 3 and < 7;
    }

    private async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "EV: SLAC matched after {Elapsed} (EV side)")]
    private static partial void LogMatched(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "EV: SDP found the SECC at {EndPoint}")]
    private static partial void LogDiscovered(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogTrace(ILogger logger, string line);

    [LoggerMessage(EventId = 9108, Level = LogLevel.Debug, Message = "{Line}")]
    private static partial void LogLoopTrace(ILogger logger, string line);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "EV: session {Outcome} after {Loops} charge loops, SOC {Soc:0.0} %")]
    private static partial void LogFinished(ILogger logger, EvSessionOutcome outcome, int loops, double soc);

    [LoggerMessage(EventId = 9109, Level = LogLevel.Information, Message = "EV: session paused after {Loops} charge loops; resuming in {Pause}")]
    private static partial void LogPaused(ILogger logger, int loops, TimeSpan pause);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Information, Message = "EV: unplugged during the session")]
    private static partial void LogUnplugged(ILogger logger);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Warning, Message = "EV: session failed: {Reason}")]
    private static partial void LogSessionFailed(ILogger logger, string reason);
}
