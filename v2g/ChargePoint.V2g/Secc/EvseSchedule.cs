namespace ChargePoint.V2g.Secc;

/// <summary>One entry of a power schedule: <paramref name="Power"/> W (magnitude) for <paramref name="Duration"/>.</summary>
public readonly record struct ScheduleEntry(TimeSpan Duration, double Power);

/// <summary>
/// Scheduled control mode: the limits the energy manager (e.g. from a CSMS charging profile) allows, as a
/// charging and a discharging power schedule starting at <see cref="Start"/>. Supplied through
/// <see cref="SeccControl.SetSchedule"/>; until it is, ScheduleExchangeRes answers Ongoing.
/// </summary>
public sealed record EvseSchedule(DateTimeOffset Start, IReadOnlyList<ScheduleEntry> Charging, IReadOnlyList<ScheduleEntry> Discharging);
