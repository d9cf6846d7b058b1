using System.Collections.Concurrent;
using ChargePoint.V2g.Secc;

namespace ChargePoint.V2g.Tests.Secc;

/// <summary>
/// Stands in for the station firmware behind the SECC seams: authorizes, passes the isolation test, follows
/// PreCharge and delivers power into the cached values, and records every feedback call.
/// </summary>
public sealed class SimulatedFirmware(SeccControl control) : ISeccFeedback
{
    private readonly TaskCompletionSource<SafeStateReason> _safe = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Real-time delay before authorizing (exercises Ongoing); zero authorizes at once.</summary>
    public TimeSpan AuthorizationDelay { get; init; }

    public bool AuthorizationAccepted { get; init; } = true;

    /// <summary>DC current while charging; negative makes the station discharge the EV (V2G).</summary>
    public double DcCurrent { get; set; } = 100;

    public double DcVoltage { get; init; } = 400;

    /// <summary>Scheduled mode: the schedule supplied 60 ms after ChargeParameterDiscovery, so the first
    /// ScheduleExchangeRes is Ongoing.</summary>
    public Func<EvseSchedule>? ScheduleAfterDiscovery { get; init; }

    public ConcurrentQueue<SeccSessionState> States { get; } = new();

    public ConcurrentQueue<SafeStateReason> SafeStates { get; } = new();

    public ConcurrentQueue<EvChargingNeeds> Needs { get; } = new();

    public ConcurrentQueue<PowerDeliveryCommand> PowerDeliveries { get; } = new();

    public ConcurrentQueue<EvLoopStatus> Loops { get; } = new();

    public ConcurrentQueue<EvPowerProfile> PowerProfiles { get; } = new();

    public (EnergyTransferService Service, ControlMode Mode)? Selected { get; private set; }

    public Task<SafeStateReason> FirstSafeState => _safe.Task;

    public void OnSessionStateChanged(SeccSessionState state) => States.Enqueue(state);

    public void OnAuthorizationRequired(string evccId)
    {
        if (AuthorizationDelay == TimeSpan.Zero)
        {
            control.Authorize(AuthorizationAccepted);
            return;
        }

        _ = Task.Delay(AuthorizationDelay).ContinueWith(_ => control.Authorize(AuthorizationAccepted), TaskScheduler.Default);
    }

    public void OnServiceSelected(EnergyTransferService service, ControlMode controlMode, ushort parameterSetId) => Selected = (service, controlMode);

    public void OnEvChargingNeeds(EvChargingNeeds needs)
    {
        if (Needs.IsEmpty && ScheduleAfterDiscovery is { } schedule)
        {
            _ = Task.Delay(60).ContinueWith(_ => control.SetSchedule(schedule()), TaskScheduler.Default);
        }

        Needs.Enqueue(needs);
    }

    public void OnCableCheckRequested() => control.ReportIsolation(IsolationStatus.Valid);

    public void OnPreCharge(double targetVoltage) => control.SetPresentValues(targetVoltage, 0);

    public void OnPowerDelivery(PowerDeliveryCommand command)
    {
        PowerDeliveries.Enqueue(command);
        switch (command)
        {
            case PowerDeliveryCommand.Start:
                control.SetPresentValues(DcVoltage, DcCurrent, control.Snapshot.TargetActivePower ?? 11_000);
                break;
            case PowerDeliveryCommand.Stop:
                control.SetPresentValues(0, 0);
                break;
        }
    }

    public void OnEvPowerProfile(EvPowerProfile profile) => PowerProfiles.Enqueue(profile);

    public void OnChargeLoop(EvLoopStatus status)
    {
        Loops.Enqueue(status);
        if (status.TargetCurrent is { } current && status.TargetVoltage is { } voltage)
        {
            control.SetPresentValues(voltage, current);
        }
    }

    public void OnSafeState(SafeStateReason reason)
    {
        SafeStates.Enqueue(reason);
        _safe.TrySetResult(reason);
    }
}
