using ChargePoint.V2g.Secc;

namespace ChargePoint.Simulators.Ev;

/// <summary>
/// What the EV read in one ChargeLoopRes: the EVSE's present values (DC), its target (AC) and the limits the
/// control mode carries (DC Dynamic: EVSEMaximumCharge/DischargePower). Discharge values are magnitudes, present
/// current and target signed ([V2G20-1034]).
/// </summary>
public sealed record EvLoopObservation(
    DateTimeOffset At,
    double? PresentVoltage,
    double? PresentCurrent,
    double? TargetActivePower,
    double? MaximumChargePower,
    double? MaximumDischargePower,
    string? Notification)
{
    /// <summary>The power the EVSE transfers as the EV sees it: DC voltage × current, AC the target.</summary>
    public double Power => PresentVoltage is { } v && PresentCurrent is { } i ? v * i : TargetActivePower ?? 0;
}

/// <summary>One ScheduleTuple the EV received in a ScheduleExchangeRes (Scheduled mode), power magnitudes in W.</summary>
public sealed record EvScheduleObservation(
    DateTimeOffset At,
    uint ScheduleTupleId,
    DateTimeOffset Start,
    IReadOnlyList<ScheduleEntry> Charging,
    IReadOnlyList<ScheduleEntry> Discharging);
