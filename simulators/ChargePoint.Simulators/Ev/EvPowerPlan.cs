using ChargePoint.V2g.Secc;

namespace ChargePoint.Simulators.Ev;

/// <summary>
/// The simulated EV's EVPowerProfile in Scheduled mode: it follows the ScheduleTuple it selected, charging as
/// fast as the charging schedule and its battery allow and, where the charging schedule allows nothing but the
/// discharging schedule allows feeding back, discharging as far as both allow (negative power, [V2G20-1034]).
/// Without a tuple it asks for its maximum charge power until departure.
/// </summary>
public static class EvPowerPlan
{
    public static IReadOnlyList<EvPowerProfileEntry> For(EvScheduleObservation? tuple, EvBattery battery, TimeSpan untilDeparture)
    {
        ArgumentNullException.ThrowIfNull(battery);
        if (tuple is null || tuple.Charging.Count == 0)
        {
            return [new EvPowerProfileEntry(untilDeparture, battery.MaximumChargePower)];
        }

        var entries = new List<EvPowerProfileEntry>();
        var at = TimeSpan.Zero;
        foreach (var charging in tuple.Charging)
        {
            var discharge = At(tuple.Discharging, at);
            var power = charging.Power > 0 ? Math.Min(charging.Power, battery.MaximumChargePower)
                : discharge > 0 ? -Math.Min(discharge, battery.MaximumDischargePower)
                : 0;
            if (entries.Count > 0 && entries[^1].Power.Equals(power))
            {
                entries[^1] = entries[^1] with { Duration = entries[^1].Duration + charging.Duration };
            }
            else
            {
                entries.Add(new EvPowerProfileEntry(charging.Duration, power));
            }

            at += charging.Duration;
        }

        return entries;
    }

    /// <summary>The magnitude a schedule allows at <paramref name="offset"/> from its start (0 after its end).</summary>
    private static double At(IReadOnlyList<ScheduleEntry> schedule, TimeSpan offset)
    {
        var start = TimeSpan.Zero;
        foreach (var entry in schedule)
        {
            if (offset < start + entry.Duration)
            {
                return Math.Abs(entry.Power);
            }

            start += entry.Duration;
        }

        return 0;
    }
}
