using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>
/// A deliberately naive model of the composite at one instant, written from the rules and not from the engine:
/// each profile's period is looked up directly from its anchor, winners are picked by purpose and stack level,
/// and the applicable maxima and discharge bounds are listed in the requested unit.
/// </summary>
internal static class ReferenceComposite
{
    private const long Day = 86_400;

    public sealed record Instant(
        List<double> ChargeMaxima,
        List<double> DischargeBounds,
        double ExpectedLimit,
        double ExpectedDischargeLimit,
        OperationMode Mode);

    public static Instant At(CompositeScenario scenario, DateTimeOffset windowStart, DateTimeOffset t)
    {
        var evse = scenario.Evse;
        var tx = scenario.Transaction;
        (ChargingSchedulePeriod Period, ChargingRateUnit Unit)? Winner(Func<InstalledChargingProfile, bool> member) =>
            scenario.Installed.Where(member)
                .Select(p => (p, period: ActivePeriod(p, t, windowStart, tx)))
                .Where(x => x.period is not null)
                .OrderByDescending(x => x.p.Profile.StackLevel).ThenByDescending(x => x.p.EvseId != 0).ThenByDescending(x => x.p.Profile.Id)
                .Select(x => ((ChargingSchedulePeriod, ChargingRateUnit)?)(x.period!, x.p.Profile.ChargingSchedule[0].ChargingRateUnit))
                .FirstOrDefault();
        bool OnThisEvse(InstalledChargingProfile p) => p.EvseId is 0 or 1;

        var priority = tx is { PriorityChargingActive: true } ? Winner(p => OnThisEvse(p) && p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.PriorityCharging) : null;
        var txProfile = tx is null ? null : Winner(p => p.EvseId == 1 && p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.TxProfile && p.Profile.TransactionId == tx.TransactionId);
        var txDefault = Winner(p => OnThisEvse(p) && p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.TxDefaultProfile);
        var demand = priority ?? txProfile ?? txDefault;
        var stationMax = Winner(p => p.EvseId == 0 && p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.ChargingStationMaxProfile);
        var stationExternal = Winner(p => p.EvseId == 0 && p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.ChargingStationExternalConstraints);
        var evseExternal = Winner(p => p.EvseId == 1 && p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.ChargingStationExternalConstraints);
        var localGeneration = Winner(p => OnThisEvse(p) && p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.LocalGeneration);

        var mode = demand?.Period.OperationMode ?? OperationMode.ChargingOnly;
        int?[] phaseSources = [evse.SupplyPhases, demand?.Period.NumberPhases ?? 3, stationMax?.Period.NumberPhases,
            stationExternal?.Period.NumberPhases, evseExternal?.Period.NumberPhases];
        var phases = phaseSources.Where(n => n is >= 1 and <= 3).Min()!.Value;
        double ToUnit(double value, ChargingRateUnit from) =>
            from == scenario.Unit ? value : scenario.Unit == ChargingRateUnit.W ? value * 230 * phases : value / (230 * phases);

        var maxima = new List<double> { ToUnit(evse.MaxChargeCurrent, ChargingRateUnit.A), ToUnit(evse.MaxChargePower, ChargingRateUnit.W) };
        foreach (var source in new[] { demand, evseExternal, stationExternal })
        {
            if (source?.Period.Limit is { } limit)
            {
                maxima.Add(Math.Max(0, ToUnit(limit, source.Value.Unit)));
            }
        }

        if (stationMax?.Period.Limit is { } max)
        {
            var extra = localGeneration?.Period.Limit is { } generation ? Math.Max(0, ToUnit(generation, localGeneration.Value.Unit)) : 0;
            maxima.Add(Math.Max(0, ToUnit(max, stationMax.Value.Unit)) + extra);
        }

        var bounds = new List<double>();
        var discharging = evse.CanDischarge && mode is not (OperationMode.ChargingOnly or OperationMode.Idle);
        if (discharging)
        {
            bounds.Add(-ToUnit(evse.MaxDischargeCurrent, ChargingRateUnit.A));
            bounds.Add(-ToUnit(evse.MaxDischargePower, ChargingRateUnit.W));
            foreach (var source in new[] { demand, evseExternal, stationExternal, stationMax })
            {
                if (source?.Period.DischargeLimit is { } bound)
                {
                    bounds.Add(ToUnit(bound, source.Value.Unit));
                }
            }
        }

        var expectedLimit = mode == OperationMode.Idle ? 0 : Math.Max(0, maxima.Min());
        var expectedDischarge = discharging ? Math.Min(0, bounds.Max()) : 0;
        return new Instant(maxima, bounds, expectedLimit, expectedDischarge, mode);
    }

    /// <summary>The period of a profile in force at <paramref name="t"/>, looked up from its anchor.</summary>
    private static ChargingSchedulePeriod? ActivePeriod(InstalledChargingProfile installed, DateTimeOffset t, DateTimeOffset windowStart, ActiveTransaction? tx)
    {
        var profile = installed.Profile;

        // Station-wide caps are bound to no transaction: a Relative one counts from the window start.
        var transactionBound = installed.EvseId != 0 || profile.ChargingProfilePurpose is ChargingProfilePurpose.TxDefaultProfile
            or ChargingProfilePurpose.TxProfile or ChargingProfilePurpose.PriorityCharging;
        if (profile.ValidFrom > t || profile.ValidTo <= t)
        {
            return null;
        }

        var schedule = profile.ChargingSchedule[0];
        long? length = schedule.Duration;
        DateTimeOffset anchor;
        if (profile.ChargingProfileKind == ChargingProfileKind.Recurring)
        {
            var period = profile.RecurrencyKind == RecurrencyKind.Weekly ? 7 * Day : Day;
            var start = schedule.StartSchedule!.Value;
            var occurrences = (long)Math.Floor((t - start).TotalSeconds / period);
            anchor = start.AddSeconds(occurrences * period);
            length = Math.Min(length ?? period, period);
        }
        else
        {
            anchor = profile.ChargingProfileKind == ChargingProfileKind.Relative
                ? (transactionBound ? tx?.StartTime : null) ?? windowStart
                : schedule.StartSchedule!.Value;
        }

        var offset = (t - anchor).TotalSeconds;
        if (offset < 0 || offset >= length)
        {
            return null;
        }

        return schedule.ChargingSchedulePeriod.Last(p => p.StartPeriod <= offset);
    }
}
