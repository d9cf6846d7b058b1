namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>Rules against what is installed: id reuse, stack-level clashes, capacity.</summary>
internal static class ConflictRules
{
    public static ChargingProfileVerdict Check(
        int evseId,
        ChargingProfile profile,
        ProfileValidationContext context,
        IReadOnlyCollection<InstalledChargingProfile> installed,
        ProfileOrigin origin)
    {
        var replacesExisting = false;
        foreach (var other in installed)
        {
            if (other.Profile.Id == profile.Id)
            {
                // K01.FR.05: the same id replaces, but only a profile of the same origin: the CSMS never replaces
                // what an external system set (K01.FR.22), nor the other way round.
                var installedByCsms = other.ChargingLimitSource == InstalledChargingProfile.CsoSource;
                if (installedByCsms != (origin == ProfileOrigin.Csms))
                {
                    return installedByCsms ? ChargingProfileVerdict.ReplacesCsmsProfile : ChargingProfileVerdict.ReplacesExternalConstraints;
                }

                replacesExisting = true;
                continue;
            }

            if (ClashesOnStackLevel(evseId, profile, other))
            {
                return ChargingProfileVerdict.DuplicateStackLevel;
            }
        }

        return !replacesExisting && installed.Count >= context.Settings.MaxProfiles
            ? ChargingProfileVerdict.TooManyProfiles
            : ChargingProfileVerdict.Accepted;
    }

    /// <summary>
    /// Two profiles of one purpose at one stack level on one EVSE (or one transaction, K01.FR.39) would leave
    /// precedence undefined where their validity overlaps.
    /// </summary>
    private static bool ClashesOnStackLevel(int evseId, ChargingProfile profile, InstalledChargingProfile other)
    {
        var existing = other.Profile;
        if (existing.ChargingProfilePurpose != profile.ChargingProfilePurpose || existing.StackLevel != profile.StackLevel
            || other.EvseId != evseId)
        {
            return false;
        }

        if (profile.ChargingProfilePurpose == ChargingProfilePurpose.TxProfile && existing.TransactionId != profile.TransactionId)
        {
            return false;
        }

        var startsBeforeOtherEnds = profile.ValidFrom is not { } from || existing.ValidTo is not { } otherTo || from < otherTo;
        var endsAfterOtherStarts = profile.ValidTo is not { } to || existing.ValidFrom is not { } otherFrom || otherFrom < to;
        return startsBeforeOtherEnds && endsAfterOtherStarts;
    }
}
