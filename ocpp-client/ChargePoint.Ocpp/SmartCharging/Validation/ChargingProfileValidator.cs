namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// SetChargingProfileRequest validation (K01) as a pure function: the first failing rule is returned,
/// <see cref="ChargingProfileVerdict.Accepted"/> when every rule holds. It never changes anything.
/// </summary>
public static class ChargingProfileValidator
{
    public static ChargingProfileVerdict Validate(
        int evseId,
        ChargingProfile profile,
        ProfileValidationContext context,
        IReadOnlyCollection<InstalledChargingProfile> installed,
        ProfileOrigin origin = ProfileOrigin.Csms)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(installed);

        var verdict = ProfileRules.Check(evseId, profile, context, origin);
        if (verdict != ChargingProfileVerdict.Accepted)
        {
            return verdict;
        }

        verdict = ConflictRules.Check(evseId, profile, context, installed, origin);
        if (verdict != ChargingProfileVerdict.Accepted)
        {
            return verdict;
        }

        foreach (var schedule in profile.ChargingSchedule)
        {
            verdict = ScheduleRules.Check(profile, schedule, context.Settings);
            if (verdict != ChargingProfileVerdict.Accepted)
            {
                return verdict;
            }

            foreach (var period in schedule.ChargingSchedulePeriod)
            {
                verdict = PeriodRules.Check(evseId, profile, schedule, period, context);
                if (verdict != ChargingProfileVerdict.Accepted)
                {
                    return verdict;
                }
            }
        }

        return ChargingProfileVerdict.Accepted;
    }
}
