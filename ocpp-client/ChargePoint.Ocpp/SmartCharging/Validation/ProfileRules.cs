namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>Rules on the profile itself: target EVSE, purpose, kind, stack level, transaction binding.</summary>
internal static class ProfileRules
{
    public static ChargingProfileVerdict Check(int evseId, ChargingProfile profile, ProfileValidationContext context, ProfileOrigin origin)
    {
        var settings = context.Settings;
        var purpose = profile.ChargingProfilePurpose;
        var kind = profile.ChargingProfileKind;
        if (!Enum.IsDefined(purpose) || !Enum.IsDefined(kind)
            || (profile.RecurrencyKind is { } recurrency && !Enum.IsDefined(recurrency)))
        {
            return ChargingProfileVerdict.UnknownEnumValue;
        }

        if (evseId < 0 || (evseId != 0 && !context.Evses.ContainsKey(evseId)))
        {
            return ChargingProfileVerdict.UnknownEvse;
        }

        if (origin == ProfileOrigin.ExternalSystem)
        {
            return CheckExternal(profile, context);
        }

        return purpose switch
        {
            ChargingProfilePurpose.ChargingStationExternalConstraints => ChargingProfileVerdict.ExternalConstraintsNotSettable,
            ChargingProfilePurpose.PriorityCharging or ChargingProfilePurpose.LocalGeneration
                when !settings.SupportedAdditionalPurposes.Contains(purpose) => ChargingProfileVerdict.UnsupportedAdditionalPurpose,
            _ when profile.StackLevel < 0 || profile.StackLevel > settings.ProfileStackLevel => ChargingProfileVerdict.InvalidStackLevel,
            _ when profile.Id <= settings.MaxExternalConstraintsId => ChargingProfileVerdict.IdReservedForExternalConstraints,
            _ when profile.ChargingSchedule.IsDefaultOrEmpty || profile.ChargingSchedule.Length > 3 => ChargingProfileVerdict.InvalidScheduleCount,
            ChargingProfilePurpose.ChargingStationMaxProfile when evseId != 0 => ChargingProfileVerdict.StationMaxNotOnStation,
            ChargingProfilePurpose.ChargingStationMaxProfile when kind == ChargingProfileKind.Relative => ChargingProfileVerdict.StationMaxRelative,
            ChargingProfilePurpose.TxProfile => CheckTransaction(evseId, profile, context),
            _ when profile.TransactionId is not null => ChargingProfileVerdict.TransactionIdNotAllowed,
            _ => CheckKind(profile, settings),
        };
    }

    /// <summary>
    /// A local external system sets external constraints or local generation, with ids the CSMS cannot use
    /// (K11.FR.06 note: at most MaxExternalConstraintsId, or negative when that is not configured).
    /// </summary>
    private static ChargingProfileVerdict CheckExternal(ChargingProfile profile, ProfileValidationContext context)
    {
        var settings = context.Settings;
        var purpose = profile.ChargingProfilePurpose;
        return purpose switch
        {
            not (ChargingProfilePurpose.ChargingStationExternalConstraints or ChargingProfilePurpose.LocalGeneration) =>
                ChargingProfileVerdict.PurposeNotForExternalSystem,
            ChargingProfilePurpose.LocalGeneration when !settings.SupportedAdditionalPurposes.Contains(purpose) =>
                ChargingProfileVerdict.UnsupportedAdditionalPurpose,
            _ when profile.Id > (settings.MaxExternalConstraintsId ?? -1) => ChargingProfileVerdict.ExternalIdOutOfRange,
            _ when profile.StackLevel < 0 || profile.StackLevel > settings.ProfileStackLevel => ChargingProfileVerdict.InvalidStackLevel,
            _ when profile.ChargingSchedule.IsDefaultOrEmpty || profile.ChargingSchedule.Length > 3 => ChargingProfileVerdict.InvalidScheduleCount,
            _ when profile.TransactionId is not null => ChargingProfileVerdict.TransactionIdNotAllowed,
            _ => CheckKind(profile, settings),
        };
    }

    private static ChargingProfileVerdict CheckTransaction(int evseId, ChargingProfile profile, ProfileValidationContext context)
    {
        if (evseId == 0)
        {
            return ChargingProfileVerdict.TxProfileOnStation;
        }

        if (profile.TransactionId is null)
        {
            return ChargingProfileVerdict.TransactionIdMissing;
        }

        var transaction = context.Evses[evseId].Transaction;
        return transaction is null || transaction.TransactionId != profile.TransactionId
            ? ChargingProfileVerdict.TransactionNotFound
            : CheckKind(profile, context.Settings);
    }

    private static ChargingProfileVerdict CheckKind(ChargingProfile profile, SmartChargingSettings settings)
    {
        var recurring = profile.ChargingProfileKind == ChargingProfileKind.Recurring;
        if (recurring && profile.RecurrencyKind is null)
        {
            return ChargingProfileVerdict.RecurrencyKindMissing;
        }

        if (!recurring && profile.RecurrencyKind is not null)
        {
            return ChargingProfileVerdict.RecurrencyKindNotAllowed;
        }

        if (profile.ValidFrom is { } from && profile.ValidTo is { } to && to <= from)
        {
            return ChargingProfileVerdict.EmptyValidity;
        }

        return profile.ChargingProfileKind == ChargingProfileKind.Dynamic && !settings.SupportsDynamicProfiles
            ? ChargingProfileVerdict.DynamicProfilesUnsupported
            : ChargingProfileVerdict.Accepted;
    }
}
