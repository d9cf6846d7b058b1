using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// Scheduled control mode (ISO 15118-20 ScheduleExchangeRes): turns the composite schedule (OCPP K08, in W) into
/// the charging and discharging power limits of one ScheduleTuple. A period with a signed setpoint allows only
/// that direction; every value is capped by the EVSE rating. Without a schedule the rating holds for the horizon.
/// </summary>
public static class HlcScheduleBuilder
{
    public static HlcPowerSchedule Build(CompositeSchedule? composite, DateTimeOffset start, TimeSpan horizon, PowerBounds rating)
    {
        ArgumentNullException.ThrowIfNull(rating);
        var maxCharge = rating.MaxChargeWatts ?? double.MaxValue;
        var maxDischarge = rating.MaxDischargeWatts ?? 0;
        if (composite is null || composite.ChargingSchedulePeriod.IsDefaultOrEmpty || composite.ChargingRateUnit != ChargingRateUnit.W)
        {
            return new HlcPowerSchedule(start, [new HlcSchedulePeriod(horizon, maxCharge, maxDischarge)]);
        }

        var periods = new List<HlcSchedulePeriod>(composite.ChargingSchedulePeriod.Length);
        var length = composite.Duration > 0 ? composite.Duration : (int)horizon.TotalSeconds;
        for (var i = 0; i < composite.ChargingSchedulePeriod.Length; i++)
        {
            var period = composite.ChargingSchedulePeriod[i];
            var end = i + 1 < composite.ChargingSchedulePeriod.Length ? composite.ChargingSchedulePeriod[i + 1].StartPeriod : length;
            if (end <= period.StartPeriod)
            {
                continue;
            }

            var charge = period.Setpoint is < 0 ? 0 : Math.Min(period.Limit, maxCharge);
            var discharge = period.Setpoint is > 0 ? 0 : Math.Min(Math.Abs(period.DischargeLimit), maxDischarge);
            periods.Add(new HlcSchedulePeriod(TimeSpan.FromSeconds(end - period.StartPeriod), charge, discharge));
        }

        var covered = TimeSpan.FromSeconds(length);
        if (covered < horizon)
        {
            // After the composite's horizon only the rating applies.
            periods.Add(new HlcSchedulePeriod(horizon - covered, maxCharge, maxDischarge));
        }

        return new HlcPowerSchedule(composite.ScheduleStart, periods);
    }
}
