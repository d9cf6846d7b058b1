using System.Threading.Channels;
using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.V2g.Secc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.V2g;

/// <summary>
/// One ISO 15118-20 session's translation between the SECC (<see cref="ISeccFeedback"/> out,
/// <see cref="SeccControl"/> in) and the EVSE manager (<see cref="IHlcEvseBridge"/>). Feedback arrives on the
/// session's task and only queues work: a single worker calls the bridge (which may touch hardware) and writes
/// the answers into the SECC's cached snapshot, so the SECC answers every request, ChargeLoop included, from
/// cached values and never waits for hardware ([V2G20-2224] performance times).
/// </summary>
public sealed partial class SeccBridgeAdapter : ISeccFeedback, IAsyncDisposable
{
    private static readonly TimeSpan AuthorizePollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ScheduleHorizon = TimeSpan.FromHours(24);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(5);

    private readonly IHlcEvseBridge _bridge;
    private readonly SeccControl _control;
    private readonly SeccStationRating _rating;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Func<CancellationToken, ValueTask>> _work = Channel.CreateUnbounded<Func<CancellationToken, ValueTask>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<SafeStateReason> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _worker;
    private readonly Task _ticker;
    private string _evccId = "unknown";
    private EnergyTransferService? _service;
    private ControlMode _mode = ControlMode.Dynamic;
    private EvLoopStatus? _lastLoop;
    private int _refreshPending;
    private bool _parametersSent;
    private EvLimits? _lastLimits;
    private volatile bool _renegotiationRequested;
    private int _relaysPending;
    private volatile bool _transferring;
    private bool _stopSent;
    private int? _scheduleRevision;
    private int _lastState = -1;

    public SeccBridgeAdapter(IHlcEvseBridge bridge, SeccControl control, SeccStationRating rating, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(bridge);
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(rating);
        _bridge = bridge;
        _control = control;
        _rating = rating;
        _time = time;
        _logger = logger;
        _worker = RunWorkerAsync(_stop.Token);
        _ticker = RunTickerAsync(_stop.Token);
    }

    /// <summary>Completes with the SECC's reason when the session has ended (normal or not).</summary>
    public Task<SafeStateReason> Ended => _ended.Task;

    /// <summary>True once the EV reached SessionSetup and authorization (the -20 session is established).</summary>
    public bool SessionEstablished { get; private set; }

    /// <summary>True once this EVSE asked the EV to stop (EVSENotification=Terminate).</summary>
    public bool StopRequestedByEvse => _stopSent;

    /// <summary>PowerDelivery Start/Stop as the EV sent them (the simulated pilot follows them).</summary>
    public event Action<PowerDeliveryCommand>? PowerDelivery;

    /// <summary>The EV paused a session with this service and control mode; should it resume (OK_OldSessionJoined:
    /// no authorization, no service selection), the session goes on with them.</summary>
    public void ExpectResume(EnergyTransferService service, ControlMode controlMode)
    {
        _service = service;
        _mode = controlMode;
    }

    public void OnSessionStateChanged(SeccSessionState state)
    {
        if (state == SeccSessionState.Resumed)
        {
            // [V2G20-1032] as cited in the notes: a resumed session is established without a new authorization.
            SessionEstablished = true;
            LogResumed(_logger, _service, _mode);
        }

        // Polled states (CableCheck, PreCharge) repeat with every request: log each state once.
        if (Interlocked.Exchange(ref _lastState, (int)state) != (int)state)
        {
            LogSessionState(_logger, state);
        }
    }

    public void OnAuthorizationRequired(string evccId)
    {
        _evccId = evccId;
        SessionEstablished = true;
        Enqueue(AuthorizeAsync);
    }

    public void OnServiceSelected(EnergyTransferService service, ControlMode controlMode, ushort parameterSetId)
    {
        // A second selection in one connection is a service renegotiation (SessionStop ServiceRenegotiation): the
        // ChargeParameterDiscovery and ScheduleExchange that follow are relayed (K17.FR.01).
        if (_service is not null && _parametersSent)
        {
            _relaysPending = 2;
        }

        _service = service;
        _mode = controlMode;
        LogServiceSelected(_logger, service, controlMode, parameterSetId);
        Enqueue(_ =>
        {
            _bridge.SessionStarted(Info());
            return ValueTask.CompletedTask;
        });
    }

    /// <summary>The SECC reports needs after ChargeParameterDiscovery (limits), after ScheduleExchange (departure
    /// time and energy requests added) and when a Dynamic loop changes them: the first answers the EV, the second is
    /// reported to the CSMS, later changes bound the energy decision (and reach the CSMS after a renegotiation the
    /// EV started or a new service selection).</summary>
    public void OnEvChargingNeeds(EvChargingNeeds needs)
    {
        ArgumentNullException.ThrowIfNull(needs);
        var limits = ToEvLimits(needs, _rating);
        if (_parametersSent)
        {
            // The CSMS hears the needs of the first ScheduleExchangeReq, and those after a renegotiation the EV
            // started or a new service selection; every other change only reaches the energy manager.
            var relay = _relaysPending > 0;
            if (relay)
            {
                _relaysPending--;
            }
            else if (limits == _lastLimits)
            {
                return;
            }

            _lastLimits = limits;
            Enqueue(_ =>
            {
                Apply(_bridge.EvNeedsChanged(limits, relay));
                return ValueTask.CompletedTask;
            });
            return;
        }

        _parametersSent = true;
        _lastLimits = limits;
        _relaysPending = 1; // the ScheduleExchangeReq that follows
        Enqueue(_ =>
        {
            var targets = _bridge.ChargeParameters(limits);
            Apply(targets);
            if (_mode == ControlMode.Scheduled)
            {
                SetSchedule(targets.ScheduleRevision);
            }

            return ValueTask.CompletedTask;
        });
    }

    public void OnCableCheckRequested() => Enqueue(async ct =>
    {
        var valid = await _bridge.CableCheckAsync(ct).ConfigureAwait(false);
        LogCableCheck(_logger, valid);
        _control.ReportIsolation(valid ? IsolationStatus.Valid : IsolationStatus.Fault);
    });

    public void OnPreCharge(double targetVoltage) => Enqueue(_ =>
    {
        var volts = _bridge.PreCharge(targetVoltage);
        _control.SetPresentValues(volts, 0);
        return ValueTask.CompletedTask;
    });

    public void OnPowerDelivery(PowerDeliveryCommand command)
    {
        PowerDelivery?.Invoke(command);
        switch (command)
        {
            case PowerDeliveryCommand.Start:
                Enqueue(async ct =>
                {
                    if (await _bridge.StartEnergyTransferAsync(ct).ConfigureAwait(false))
                    {
                        _transferring = true;
                        Refresh();
                    }
                    else
                    {
                        RequestStop();
                    }
                });
                break;
            case PowerDeliveryCommand.ScheduleRenegotiation:
                // Ours when we notified ScheduleRenegotiation since the last schedule; the EV's own otherwise.
                if (!_renegotiationRequested)
                {
                    _relaysPending = 1; // the ScheduleExchangeReq that follows
                }

                _renegotiationRequested = false;
                break;
            case PowerDeliveryCommand.Stop or PowerDeliveryCommand.Standby:
                Enqueue(async ct =>
                {
                    _transferring = false;
                    await _bridge.StopEnergyTransferAsync(ct).ConfigureAwait(false);
                    _control.SetPresentValues(0, 0);
                });
                break;
        }
    }

    /// <summary>K18: in Scheduled mode the EV's power profile goes to the CSMS (NotifyEVChargingSchedule); a
    /// Dynamic-mode profile is informative only and is not reported.</summary>
    public void OnEvPowerProfile(EvPowerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ControlMode != ControlMode.Scheduled)
        {
            return;
        }

        var proposed = new HlcEvPowerProfile(
            profile.TimeAnchor,
            profile.SelectedScheduleTupleId,
            profile.PowerToleranceAccepted,
            [.. profile.Entries.Select(e => new HlcPowerProfileEntry(e.Duration, e.Power))]);
        Enqueue(_ =>
        {
            _bridge.EvPowerProfileProposed(proposed);
            return ValueTask.CompletedTask;
        });
    }

    public void OnChargeLoop(EvLoopStatus status)
    {
        Volatile.Write(ref _lastLoop, status);
        RequestRefresh();
    }

    public void OnSafeState(SafeStateReason reason)
    {
        _transferring = false;
        _ended.TrySetResult(reason);
    }

    /// <summary>Lets queued work finish (a PowerDelivery Stop still watches the contactors open, which is when
    /// a welded contact shows), then stops the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await Task.WhenAny(_worker, Task.Delay(DrainTimeout, _time)).ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_worker, _ticker).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async ValueTask AuthorizeAsync(CancellationToken cancellationToken)
    {
        _bridge.SessionStarted(Info());
        while (!_ended.Task.IsCompleted)
        {
            // The SECC answers AuthorizationRes Ongoing meanwhile, for at most 55 s ([V2G20-2217]).
            if (await _bridge.AuthorizeAsync(cancellationToken).ConfigureAwait(false) is { } accepted)
            {
                LogAuthorized(_logger, _evccId, accepted);
                _control.Authorize(accepted);
                return;
            }

            await Task.Delay(AuthorizePollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private void RequestRefresh()
    {
        if (Interlocked.Exchange(ref _refreshPending, 1) == 0)
        {
            Enqueue(_ =>
            {
                Volatile.Write(ref _refreshPending, 0);
                Refresh();
                return ValueTask.CompletedTask;
            });
        }
    }

    /// <summary>Dynamic mode: the energy manager's limits and target, re-evaluated for every loop
    /// (issue 7: a new profile reaches the EV within one loop).</summary>
    private void Refresh()
    {
        if (!_transferring)
        {
            return;
        }

        var loop = Volatile.Read(ref _lastLoop);
        var targets = _bridge.ChargeLoop(new EvStatus(loop?.PresentSoc, null, loop?.PresentVoltage ?? 0));
        Apply(targets);
        if (_mode == ControlMode.Scheduled && _scheduleRevision is { } sent && sent != targets.ScheduleRevision)
        {
            // The composite schedule changed: offer the new one and ask the EV to renegotiate ([V2G20-1711]).
            SetSchedule(targets.ScheduleRevision);
            _renegotiationRequested = true;
            _control.RequestScheduleRenegotiation();
        }
    }

    private void Apply(EvseTargets targets)
    {
        var volts = targets.PresentVoltageVolts;
        _control.SetPresentValues(volts, targets.PresentCurrentAmperes, volts * targets.PresentCurrentAmperes);
        var atVolts = Math.Max(volts, _rating.MinVoltageVolts);
        _control.SetDcLimits(new DcEvseLimits(
            targets.ChargeLimitWatts,
            0,
            Math.Min(_rating.MaxChargeCurrentAmperes, targets.ChargeLimitWatts / atVolts),
            0,
            _rating.MaxVoltageVolts,
            _rating.MinVoltageVolts,
            targets.DischargeLimitWatts,
            0,
            Math.Min(_rating.MaxDischargeCurrentAmperes, targets.DischargeLimitWatts / atVolts),
            0));
        _control.SetAcLimits(new AcEvseLimits(targets.ChargeLimitWatts, 0, targets.DischargeLimitWatts, 0, 50, 230));
        _control.SetTargetActivePower(targets.SetpointWatts);
        if (targets.StopRequested)
        {
            RequestStop();
        }
    }

    private void SetSchedule(int revision)
    {
        var schedule = _bridge.ScheduleExchange(_time.GetUtcNow(), ScheduleHorizon);
        _scheduleRevision = revision;
        _control.SetSchedule(new EvseSchedule(
            schedule.Start,
            [.. schedule.Periods.Select(p => new ScheduleEntry(p.Duration, p.ChargeLimitWatts))],
            [.. schedule.Periods.Select(p => new ScheduleEntry(p.Duration, p.DischargeLimitWatts))]));
        LogSchedule(_logger, schedule.Periods.Count, schedule.Periods[0].ChargeLimitWatts, schedule.Periods[0].DischargeLimitWatts);
    }

    private void RequestStop()
    {
        if (!_stopSent)
        {
            _stopSent = true;
            _control.RequestStop();
        }
    }

    private HlcSessionInfo Info() => new(
        _service?.IsDc() == false ? "urn:iso:std:iso:15118:-20:AC" : "urn:iso:std:iso:15118:-20:DC",
        _service switch
        {
            EnergyTransferService.DcBpt => "DC_BPT",
            EnergyTransferService.AcBpt => "AC_BPT",
            EnergyTransferService.Dc => "DC",
            EnergyTransferService.Ac => "AC",
            _ => "-",
        },
        _mode.ToString(),
        _evccId);

    /// <summary>AC EVs state power only: their current limits are then the station's, and the DC-side voltage
    /// window the station's output range.</summary>
    private static EvLimits ToEvLimits(EvChargingNeeds needs, SeccStationRating rating) => new(
        needs.MaximumChargePower ?? 0,
        needs.MaximumDischargePower ?? 0,
        needs.MaximumChargeCurrent ?? rating.MaxChargeCurrentAmperes,
        needs.MaximumDischargeCurrent ?? (needs.MaximumDischargePower is > 0 ? rating.MaxDischargeCurrentAmperes : 0),
        needs.MinimumVoltage ?? rating.MinVoltageVolts,
        needs.MaximumVoltage ?? rating.MaxVoltageVolts)
    {
        DepartureSeconds = needs.DepartureTime,
        TargetEnergyRequestWattHours = needs.TargetEnergyRequest,
        MaximumEnergyRequestWattHours = needs.MaximumEnergyRequest,
        MinimumEnergyRequestWattHours = needs.MinimumEnergyRequest,
        MaximumV2xEnergyRequestWattHours = needs.MaximumV2XEnergyRequest,
        MinimumV2xEnergyRequestWattHours = needs.MinimumV2XEnergyRequest,
        TargetSocPercent = needs.TargetSoc,
    };

    private void Enqueue(Func<CancellationToken, ValueTask> work) => _work.Writer.TryWrite(work);

    private async Task RunWorkerAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await work(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return;
                }
#pragma warning disable CA1031 // The EVSE manager's failure must end the session safely, not kill the worker unseen.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    LogBridgeFailed(_logger, e);
                    RequestStop();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Session over.
        }
    }

    private async Task RunTickerAsync(CancellationToken cancellationToken)
    {
        // Present values keep following the hardware between loops (and while the EV is slow).
        using var timer = new PeriodicTimer(RefreshInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_transferring)
                {
                    RequestRefresh();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Session over.
        }
    }

    [LoggerMessage(EventId = LogAreas.V2g + 10, Level = LogLevel.Information, Message = "ISO 15118-20: {State}")]
    private static partial void LogSessionState(ILogger logger, SeccSessionState state);

    [LoggerMessage(EventId = LogAreas.V2g + 11, Level = LogLevel.Information, Message = "ISO 15118-20: service {Service}, {Mode} control mode (parameter set {ParameterSet})")]
    private static partial void LogServiceSelected(ILogger logger, EnergyTransferService service, ControlMode mode, ushort parameterSet);

    [LoggerMessage(EventId = LogAreas.V2g + 12, Level = LogLevel.Information, Message = "ISO 15118-20: EIM authorization for {EvccId}: {Accepted}")]
    private static partial void LogAuthorized(ILogger logger, string evccId, bool accepted);

    [LoggerMessage(EventId = LogAreas.V2g + 13, Level = LogLevel.Information, Message = "ISO 15118-20: cable check {Valid}")]
    private static partial void LogCableCheck(ILogger logger, bool valid);

    [LoggerMessage(EventId = LogAreas.V2g + 14, Level = LogLevel.Information, Message = "ISO 15118-20: schedule with {Periods} period(s), first charge {Charge:0} W, discharge {Discharge:0} W")]
    private static partial void LogSchedule(ILogger logger, int periods, double charge, double discharge);

    [LoggerMessage(EventId = LogAreas.V2g + 16, Level = LogLevel.Information, Message = "ISO 15118-20: paused session resumed (service {Service}, {Mode} control mode)")]
    private static partial void LogResumed(ILogger logger, EnergyTransferService? service, ControlMode mode);

    [LoggerMessage(EventId = LogAreas.V2g + 15, Level = LogLevel.Error, Message = "ISO 15118-20: the EVSE manager failed to answer; asking the EV to stop")]
    private static partial void LogBridgeFailed(ILogger logger, Exception exception);
}
