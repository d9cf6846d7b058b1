using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Energy;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Safety;

namespace ChargePoint.Firmware.Evse;

public sealed partial class EvseManager
{
    private static readonly TimeSpan IsolationSettleTime = TimeSpan.FromMilliseconds(100);
    private double _evMinVoltage;
    private double _evMaxVoltage;

    private void DriveModule()
    {
        bool transferring;
        lock (_gate)
        {
            transferring = _transferring;
        }

        if (!transferring || _control.PowerPath.State != PowerPathState.Closed)
        {
            return;
        }

        var decision = Energy.Decision;
        PowerModuleDriver.Apply(_control.Hardware.PowerModule, decision, PresentVoltage(), _evMinVoltage, _evMaxVoltage);
        SetState(decision.IsDischarging ? EvseState.Discharging : EvseState.Charging);
    }

    /// <summary>The EV's limits bound the energy decision from now on; the CSMS hears of them when asked (the port
    /// sends NotifyEVChargingNeeds when they differ from what it last sent).</summary>
    private void ApplyEvLimits(EvLimits limits, bool relayToCsms)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _evMinVoltage = limits.MinVoltageVolts;
        _evMaxVoltage = limits.MaxVoltageVolts;
        Energy.Update(i => i with
        {
            Ev = new PowerBounds(limits.MaxChargePowerWatts, limits.MaxDischargePowerWatts, limits.MaxChargeCurrentAmperes, limits.MaxDischargeCurrentAmperes),
        });
        if (relayToCsms && SessionInfo is { } info)
        {
            _port.EvConnected(EvseId, info, limits);
        }
    }

    private double PresentVoltage()
    {
        var measured = _control.Hardware.PowerModule.ReadStatus().OutputVoltageVolts;
        return measured > 0 ? measured : LastEvStatus?.PresentVoltageVolts ?? 0;
    }

    private EvseTargets Targets()
    {
        var decision = Energy.Decision;
        var status = _control.Hardware.PowerModule.ReadStatus();
        bool stop;
        lock (_gate)
        {
            stop = _sessionFault is not null || _control.Safety.IsFaulted;
        }

        return new EvseTargets(decision.ChargeLimitWatts, decision.DischargeLimitWatts, decision.SetpointWatts, status.OutputVoltageVolts, status.OutputCurrentAmperes, stop, Volatile.Read(ref _scheduleRevision));
    }

    private async Task<bool> StartTransferAsync(CancellationToken cancellationToken)
    {
        if (_control.Safety.IsFaulted)
        {
            return false;
        }

        SetState(EvseState.Preparing);
        _control.Hardware.IsolationMonitor?.Start();
        _control.Pilot.AllowPower(true);
        var deadline = _time.GetTimestamp();
        while (!PowerPathClosed())
        {
            if (_control.Safety.IsFaulted || _time.GetElapsedTime(deadline) > _settings.ContactorCloseTimeout)
            {
                _control.Pilot.AllowPower(false);
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), _time, cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            _transferring = true;
        }

        RefreshSchedule();
        DriveModule();
        return true;
    }

    private bool PowerPathClosed() =>
        _control.PowerPath.State == PowerPathState.Closed && _control.Hardware.Contactors.All(c => c.IsFeedbackClosed);

    private async Task StopTransferAsync(CancellationToken cancellationToken)
    {
        bool wasOn;
        lock (_gate)
        {
            wasOn = _transferring || _control.PowerPath.State != PowerPathState.Open;
            _transferring = false;
        }

        if (!wasOn)
        {
            return;
        }

        SetState(EvseState.Stopping);
        _control.Hardware.PowerModule.SetMode(PowerModuleMode.Off);
        _control.Pilot.AllowPower(false);
        _control.Hardware.IsolationMonitor?.Stop();

        // The power path opens within its deadline; watching the feedback a little longer lets the supervisor
        // see a welded contact (its feedback timeout) before the session is declared over.
        await Task.Delay(_settings.WeldCheckDelay, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The session's view of this EVSE (the SECC feedback port).</summary>
    private sealed class Bridge(EvseManager owner) : IHlcEvseBridge
    {
        public void SessionStarted(HlcSessionInfo info)
        {
            owner.SessionInfo = info;
            owner.SetState(EvseState.Authorizing);
        }

        public async ValueTask<bool?> AuthorizeAsync(CancellationToken cancellationToken)
        {
            var token = owner.SessionInfo?.EvccId ?? "unknown";
            var answer = owner._port.Authorize(owner.EvseId, token);
            if (answer == true && owner.TransactionId is null)
            {
                await owner.StartTransactionAsync().ConfigureAwait(false);
            }

            return answer;
        }

        public EvseTargets ChargeParameters(EvLimits limits)
        {
            owner.ApplyEvLimits(limits, relayToCsms: false);
            owner.SetState(EvseState.Preparing);
            return owner.Targets();
        }

        public EvseTargets EvNeedsChanged(EvLimits limits, bool relayToCsms)
        {
            owner.ApplyEvLimits(limits, relayToCsms);
            owner.DriveModule();
            return owner.Targets();
        }

        public bool VehicleConnected => owner._control.Pilot.State != CpState.A;

        public async ValueTask<bool> CableCheckAsync(CancellationToken cancellationToken)
        {
            var monitor = owner._control.Hardware.IsolationMonitor;
            if (owner._control.Safety.IsFaulted)
            {
                return false;
            }

            if (monitor is null)
            {
                return true;
            }

            owner.SetState(EvseState.Preparing);
            monitor.Start();
            await Task.Delay(IsolationSettleTime, owner._time, cancellationToken).ConfigureAwait(false);

            // IEC 61851-23 6.3.1.105: more than 500 Ω/V of the highest output voltage is a valid isolation.
            var required = 500 * Math.Max(owner._evMaxVoltage, 1);
            return monitor.ReadIsolationResistanceOhms() is { } ohms && ohms >= required;
        }

        public double PreCharge(double targetVoltageVolts)
        {
            if (owner._control.Safety.IsFaulted)
            {
                return 0;
            }

            // Output still open: the module raises its voltage to the EV's with no current ([V2G20-1597]).
            var module = owner._control.Hardware.PowerModule;
            module.SetSetpoint(new PowerModuleSetpoint(targetVoltageVolts, 0, 0));
            module.SetMode(PowerModuleMode.Charge);
            return module.ReadStatus().OutputVoltageVolts;
        }

        public HlcPowerSchedule ScheduleExchange(DateTimeOffset start, TimeSpan horizon)
        {
            var seconds = (int)Math.Clamp(horizon.TotalSeconds, 1, int.MaxValue);
            return HlcScheduleBuilder.Build(owner._schedules.Composite(owner.EvseId, start, seconds), start, TimeSpan.FromSeconds(seconds), owner._settings.Rating);
        }

        public void EvPowerProfileProposed(HlcEvPowerProfile profile) => owner._port.EvChargingScheduleProposed(owner.EvseId, profile);

        public async ValueTask RunLinkErrorRoutineAsync(CancellationToken cancellationToken)
        {
            var pilot = owner._control.Pilot;
            pilot.StartErrorRoutine();
            while (pilot.IsErrorRoutineRunning)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), owner._time, cancellationToken).ConfigureAwait(false);
            }
        }

        public async ValueTask<bool> StartEnergyTransferAsync(CancellationToken cancellationToken) =>
            await owner.StartTransferAsync(cancellationToken).ConfigureAwait(false);

        public EvseTargets ChargeLoop(EvStatus status)
        {
            ArgumentNullException.ThrowIfNull(status);
            owner.LastEvStatus = status;
            var volts = owner.PresentVoltage();
            var schedule = owner._schedules.LimitAt(owner.EvseId, owner._time.GetUtcNow(), volts);
            owner.Energy.Update(i => i with { PresentVoltageVolts = volts, EvTargetWatts = status.TargetPowerWatts, Schedule = schedule });
            owner.DriveModule();
            return owner.Targets();
        }

        public async ValueTask StopEnergyTransferAsync(CancellationToken cancellationToken) =>
            await owner.StopTransferAsync(cancellationToken).ConfigureAwait(false);
    }
}
