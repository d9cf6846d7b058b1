namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>Rules on one chargingSchedule: start, unit, period list, duration, optional features.</summary>
internal static class ScheduleRules
{
    private const int SecondsPerDay = 86_400;
    private const int SecondsPerWeek = 7 * SecondsPerDay;

    public static ChargingProfileVerdict Check(ChargingProfile profile, ChargingSchedule schedule, SmartChargingSettings settings)
    {
        var kind = profile.ChargingProfileKind;
        var periods = schedule.ChargingSchedulePeriod;
        if (!Enum.IsDefined(schedule.ChargingRateUnit))
        {
            return ChargingProfileVerdict.UnknownEnumValue;
        }

        if (kind is ChargingProfileKind.Absolute or ChargingProfileKind.Recurring && schedule.StartSchedule is null)
        {
            return ChargingProfileVerdict.StartScheduleMissing;
        }

        if (kind == ChargingProfileKind.Relative && schedule.StartSchedule is not null)
        {
            return ChargingProfileVerdict.StartScheduleNotAllowed;
        }

        if (!settings.RateUnits.Contains(schedule.ChargingRateUnit))
        {
            return ChargingProfileVerdict.UnsupportedRateUnit;
        }

        if (periods.IsDefaultOrEmpty)
        {
            return ChargingProfileVerdict.FirstPeriodNotZero;
        }

        if (periods.Length > settings.PeriodsPerSchedule)
        {
            return ChargingProfileVerdict.TooManyPeriods;
        }

        if (kind == ChargingProfileKind.Dynamic && periods.Length != 1)
        {
            return ChargingProfileVerdict.DynamicNeedsSinglePeriod;
        }

        var verdict = CheckPeriodOrder(schedule);
        return verdict != ChargingProfileVerdict.Accepted ? verdict : CheckOptions(profile, schedule, settings);
    }

    private static ChargingProfileVerdict CheckPeriodOrder(ChargingSchedule schedule)
    {
        var periods = schedule.ChargingSchedulePeriod;
        if (periods[0].StartPeriod != 0)
        {
            return ChargingProfileVerdict.FirstPeriodNotZero;
        }

        for (var i = 1; i < periods.Length; i++)
        {
            if (periods[i].StartPeriod <= periods[i - 1].StartPeriod)
            {
                return ChargingProfileVerdict.PeriodsNotIncreasing;
            }
        }

        return ChargingProfileVerdict.Accepted;
    }

    private static ChargingProfileVerdict CheckOptions(ChargingProfile profile, ChargingSchedule schedule, SmartChargingSettings settings)
    {
        if (schedule.Duration is <= 0 || (profile.ChargingProfileKind == ChargingProfileKind.Recurring && schedule.Duration >
            (profile.RecurrencyKind == RecurrencyKind.Weekly ? SecondsPerWeek : SecondsPerDay)))
        {
            return ChargingProfileVerdict.InvalidDuration;
        }

        if (schedule.RandomizedDelay is > 0 && profile.ChargingProfilePurpose is not
            (ChargingProfilePurpose.TxProfile or ChargingProfilePurpose.TxDefaultProfile))
        {
            return ChargingProfileVerdict.RandomizedDelayNotAllowed;
        }

        var unsupported = (schedule.RandomizedDelay is > 0 && !settings.SupportsRandomizedDelay)
            || (schedule.UseLocalTime == true && !settings.SupportsUseLocalTime)
            || (schedule.LimitAtSoC is not null && !settings.SupportsLimitAtSoC);
        return unsupported ? ChargingProfileVerdict.UnsupportedScheduleFeature : ChargingProfileVerdict.Accepted;
    }
}
