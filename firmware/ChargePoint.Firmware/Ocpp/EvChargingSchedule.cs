using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// The EV's ISO 15118-20 power profile as the chargingSchedule of NotifyEVChargingSchedule (K18), in W from the
/// profile's time anchor: each entry becomes a period whose <c>limit</c> is the power the EV plans to draw; an entry
/// with negative power (the EV feeding back, [V2G20-1034]) has limit 0 and that power as its <c>dischargeLimit</c>
/// (OCPP 2.1: discharge values are negative). Consecutive equal entries are merged; the schema allows 1024 periods,
/// so a longer profile is cut there and <c>duration</c> says how far the schedule reaches.
/// </summary>
public static class EvChargingSchedule
{
    /// <summary>Most chargingSchedulePeriod entries a ChargingScheduleType carries (schema maxItems).</summary>
    public const int MaxPeriods = 1024;

    public static ChargingScheduleType From(HlcEvPowerProfile profile, int scheduleId)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var periods = new List<ChargingSchedulePeriodType>();
        var start = 0L;
        double? previous = null;
        foreach (var entry in profile.Entries)
        {
            var seconds = (long)Math.Max(1, Math.Round(entry.Duration.TotalSeconds));
            if (!previous.Equals(entry.PowerWatts))
            {
                if (periods.Count == MaxPeriods)
                {
                    break;
                }

                periods.Add(Period((int)Math.Min(start, int.MaxValue), entry.PowerWatts));
                previous = entry.PowerWatts;
            }

            start += seconds;
        }

        if (periods.Count == 0)
        {
            periods.Add(Period(0, 0));
        }

        return new ChargingScheduleType
        {
            Id = scheduleId,
            ChargingRateUnit = ChargingRateUnitEnumType.W,
            Duration = (int)Math.Clamp(start, 1, int.MaxValue),
            ChargingSchedulePeriod = periods,
        };
    }

    private static ChargingSchedulePeriodType Period(int startPeriod, double watts) => new()
    {
        StartPeriod = startPeriod,
        Limit = Math.Max(0, watts),
        DischargeLimit = watts < 0 ? watts : null,
    };
}
