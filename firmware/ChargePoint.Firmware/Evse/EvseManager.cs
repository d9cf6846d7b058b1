using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Energy;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;
using ChargePoint.Hal;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Safety;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Evse;

/// <summary>
/// One EVSE's session life cycle: plug-in (pilot B) → 5 % PWM → the high-level session (SLAC, SDP, TLS, -20 setup,
/// run by the <see cref="IHlcSessionSource"/>) → authorization → energy transfer → stop → unplug, plus the
/// fault and link-loss paths. It answers the session through <see cref="IHlcEvseBridge"/> (EvseManager.Bridge.cs)
/// and reports to OCPP through <see cref="IStationPort"/>. Safety comes first: the HAL has already made the
/// station safe when a fault reaches this class.
/// </summary>
public sealed partial class EvseManager : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EvseSettings _settings;
    private readonly StationControl _control;
    private readonly IStationPort _port;
    private readonly ChargingSchedules _schedules;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private SessionData? _session;
    private StationFault? _sessionFault;
    private bool _transferring;
    private int _scheduleRevision;

    public EvseManager(EvseSettings settings, StationControl control, IStationPort port, ChargingSchedules schedules, TimeProvider time, ILogger<EvseManager> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(control);
        _settings = settings;
        _control = control;
        _port = port;
        _schedules = schedules;
        _time = time;
        _logger = logger;
        var caps = control.Hardware.PowerModule.Capabilities;
        Energy = new EnergyManager(new EnergyInputs
        {
            Evse = settings.Rating,
            PowerModule = new PowerBounds(caps.MaxChargePowerWatts, caps.MaxDischargePowerWatts, caps.MaxChargeCurrentAmperes, caps.MaxDischargeCurrentAmperes),
            CableAmperes = settings.CableAmperes,
        });
        Energy.DecisionChanged += _ => DriveModule();
        _schedules.Changed += OnSchedulesChanged;
        _control.Safety.FaultRaised += OnSafetyFault;
        _control.Safety.MeterRead += OnMeterRead;
    }

    public int EvseId => _settings.EvseId;

    public EnergyManager Energy { get; }

    public EvseState State { get; private set; } = EvseState.Idle;

    public ConnectorStatus ConnectorStatus { get; private set; } = ConnectorStatus.Unavailable;

    /// <summary>The latest EV status of the running session (state of charge, voltage).</summary>
    public EvStatus? LastEvStatus { get; private set; }

    public HlcSessionInfo? SessionInfo { get; private set; }

    public string? TransactionId => _session?.TransactionId;

    /// <summary>Raised when a session has ended and its transaction is closed.</summary>
    public event Action<SessionRecord>? SessionFinished;

    public event Action<EvseState>? StateChanged;

    /// <summary>Runs sessions until cancelled (the host's stopping token).</summary>
    public async Task RunAsync(IHlcSessionSource sessions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        SetConnectorStatus(_control.Safety.IsFaulted ? ConnectorStatus.Faulted : ConnectorStatus.Available);
        while (!cancellationToken.IsCancellationRequested)
        {
            await PilotWait.UntilAsync(_control.Pilot, PilotWait.IsPlugged, cancellationToken).ConfigureAwait(false);
            if (!_control.Safety.IsFaulted)
            {
                var record = await RunOneSessionAsync(sessions, cancellationToken).ConfigureAwait(false);
                SessionFinished?.Invoke(record);
            }

            await PilotWait.UntilAsync(_control.Pilot, s => s == CpState.A || _control.Safety.IsFaulted && s == CpState.F, cancellationToken).ConfigureAwait(false);
            await WaitForPilotStateAAfterFaultAsync(cancellationToken).ConfigureAwait(false);
            SetState(EvseState.Idle);
        }
    }

    /// <summary>Graceful shutdown (SIGTERM): power down, contactors open, the running transaction ended.</summary>
    public async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        await StopTransferAsync(cancellationToken).ConfigureAwait(false);
        _control.Pilot.SetUnavailable();
        await EndTransactionAsync(TransactionStopReason.Local).ConfigureAwait(false);
        SetConnectorStatus(ConnectorStatus.Unavailable);
    }

    public void Dispose()
    {
        _schedules.Changed -= OnSchedulesChanged;
        _control.Safety.FaultRaised -= OnSafetyFault;
        _control.Safety.MeterRead -= OnMeterRead;
    }

    private void OnMeterRead(object? sender, MeterReading reading) =>
        _port.MeterSampled(EvseId, reading, LastEvStatus?.PresentSocPercent, Energy.Decision.OperationMode);

    private async Task<SessionRecord> RunOneSessionAsync(IHlcSessionSource sessions, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        lock (_gate)
        {
            _sessionFault = null;
        }

        SetConnectorStatus(ConnectorStatus.Occupied);
        SetState(EvseState.Connecting);
        _control.Pilot.RequestHighLevelCommunication();
        var outcome = await RunHlcAsync(sessions, cancellationToken).ConfigureAwait(false);
        var leftWhilePaused = false;
        while (outcome.End == HlcSessionEnd.Paused && !cancellationToken.IsCancellationRequested)
        {
            // ISO 15118-20 pause: safe (power zero, contactors open) while the EV sleeps, the transaction kept;
            // the same transaction goes on when the EV resumes the session, and ends when it is unplugged.
            await StopTransferAsync(CancellationToken.None).ConfigureAwait(false);
            SetState(EvseState.Paused);
            _port.EnergyTransferPaused(EvseId);
            LogPaused(_logger, EvseId);
            outcome = await RunHlcAsync(sessions, cancellationToken).ConfigureAwait(false);
            if (_control.Pilot.State == CpState.A)
            {
                leftWhilePaused = true;
                outcome = new HlcSessionOutcome(HlcSessionEnd.Completed, "EV unplugged while its session was paused");
            }
        }

        // Whatever happened, the power path ends this session open.
        await StopTransferAsync(CancellationToken.None).ConfigureAwait(false);
        if (outcome.End is HlcSessionEnd.SequenceTimeout or HlcSessionEnd.LinkLost)
        {
            var kind = outcome.End == HlcSessionEnd.SequenceTimeout ? StationFaultKind.V2gSequenceTimeout : StationFaultKind.HlcLinkLoss;
            ReportSessionFault(new StationFault(kind, outcome.Detail, _time.GetUtcNow()));
        }

        // The supervisor latches a fault before its FaultRaised handlers run; take latched faults into account
        // so a session that stopped on IsFaulted never ends with the fault missing.
        foreach (var latched in _control.Safety.ActiveFaults)
        {
            ChooseSessionFault(StationFault.From(latched));
        }

        if (_control.Hardware.EmergencyStop.IsPressed)
        {
            // The input itself is the ground truth for the stop reason, whatever fault the press provoked first.
            ChooseSessionFault(new StationFault(StationFaultKind.EmergencyStop, "Emergency stop pressed.", _time.GetUtcNow()));
        }

        StationFault? fault;
        lock (_gate)
        {
            fault = _sessionFault;
        }

        // A pressed emergency stop is the ground truth for the stop reason, whichever fault it provoked first.
        var reason = _control.Hardware.EmergencyStop.IsPressed ? TransactionStopReason.EmergencyStop
            : leftWhilePaused && fault is null ? TransactionStopReason.EVDisconnected
            : fault?.StopReason
            ?? (cancellationToken.IsCancellationRequested ? TransactionStopReason.Local
            : outcome.End == HlcSessionEnd.SetupFailed ? TransactionStopReason.Other : TransactionStopReason.StoppedByEV);
        var (imported, exported) = await EndTransactionAsync(reason).ConfigureAwait(false);
        SetState(_control.Safety.IsFaulted ? EvseState.Faulted : EvseState.Finished);
        var record = new SessionRecord(EvseId, _lastTransactionId, outcome, fault, reason, imported, exported, _time.GetElapsedTime(started));
        LogSessionEnded(_logger, EvseId, outcome.End, imported, exported, fault?.Kind);
        return record;
    }

    /// <summary>One run of the high-level session source; what ends it abnormally becomes an outcome, not an exception.</summary>
    private async Task<HlcSessionOutcome> RunHlcAsync(IHlcSessionSource sessions, CancellationToken cancellationToken)
    {
        try
        {
            return await sessions.RunSessionAsync(new Bridge(this), cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new HlcSessionOutcome(HlcSessionEnd.StoppedByEvse, "station shutting down");
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
        {
            return new HlcSessionOutcome(HlcSessionEnd.LinkLost, ex.Message);
        }
    }

    private async Task WaitForPilotStateAAfterFaultAsync(CancellationToken cancellationToken)
    {
        // A latched fault clears only once its cause is gone; until then the connector stays Faulted.
        while (_control.Safety.IsFaulted && !cancellationToken.IsCancellationRequested)
        {
            if (_control.Safety.TryClear())
            {
                _control.Pilot.StopPwm();
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }

        SetConnectorStatus(ConnectorStatus.Available);
    }

    private void OnSafetyFault(object? sender, SafetyFault fault)
    {
        // The HAL has already tripped the power path; now the session and the CSMS hear of it.
        ReportSessionFault(StationFault.From(fault));
    }

    private void ReportSessionFault(StationFault fault)
    {
        lock (_gate)
        {
            _transferring = false;
        }

        ChooseSessionFault(fault);

        LogFault(_logger, EvseId, fault.Kind, fault.Detail);
        if (!fault.IsCommunicationFault)
        {
            SetState(EvseState.Faulted);
            SetConnectorStatus(ConnectorStatus.Faulted);
        }

        _port.FaultRaised(EvseId, fault);
    }

    private void ChooseSessionFault(StationFault fault)
    {
        lock (_gate)
        {
            // Faults raised on different threads can arrive in either order; the one that names the cause
            // (e.g. EmergencyStop rather than the contactor mismatch it provokes) sets the stop reason.
            if (_sessionFault is null || (_sessionFault.StopReason == TransactionStopReason.Other && fault.StopReason != TransactionStopReason.Other))
            {
                _sessionFault = fault;
            }
        }
    }

    private void OnSchedulesChanged(int evseId)
    {
        if (evseId == EvseId || evseId == 0)
        {
            Interlocked.Increment(ref _scheduleRevision);
            RefreshSchedule();
        }
    }

    private void RefreshSchedule()
    {
        var schedule = _schedules.LimitAt(EvseId, _time.GetUtcNow(), Energy.Inputs.PresentVoltageVolts);
        Energy.Update(i => i with { Schedule = schedule });
    }

    private void SetState(EvseState state)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        LogState(_logger, EvseId, state);
        StateChanged?.Invoke(state);
    }

    private void SetConnectorStatus(ConnectorStatus status)
    {
        if (ConnectorStatus == status)
        {
            return;
        }

        ConnectorStatus = status;
        _port.ConnectorStatusChanged(EvseId, status);
    }

    [LoggerMessage(EventId = LogAreas.Evse + 1, Level = LogLevel.Information, Message = "EVSE {EvseId}: {State}")]
    private static partial void LogState(ILogger logger, int evseId, EvseState state);

    [LoggerMessage(EventId = LogAreas.Safety + 1, Level = LogLevel.Error, Message = "EVSE {EvseId}: fault {Kind} ({Detail}); station safe, session stopping")]
    private static partial void LogFault(ILogger logger, int evseId, StationFaultKind kind, string detail);

    [LoggerMessage(EventId = LogAreas.Evse + 3, Level = LogLevel.Information, Message = "EVSE {EvseId}: session paused by the EV; power path open, transaction kept until it resumes or leaves")]
    private static partial void LogPaused(ILogger logger, int evseId);

    [LoggerMessage(EventId = LogAreas.Evse + 2, Level = LogLevel.Information, Message = "EVSE {EvseId}: session ended {End}, imported {Imported:0.0} Wh, exported {Exported:0.0} Wh, fault {Fault}")]
    private static partial void LogSessionEnded(ILogger logger, int evseId, HlcSessionEnd end, double imported, double exported, StationFaultKind? fault);
}
