namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Maps a verdict to the statusInfo of SetChargingProfileResponse: the reasonCode (at most 20 characters,
/// schema) and an additionalInfo that names the rule, so an operator can see why a profile was refused.
/// </summary>
public static class ChargingProfileVerdictReasons
{
    public static string ReasonCode(ChargingProfileVerdict verdict) => verdict switch
    {
        ChargingProfileVerdict.Accepted => "NoError",
        ChargingProfileVerdict.UnknownEvse => "UnknownEvse",
        ChargingProfileVerdict.InvalidStackLevel => "InvalidStackLevel",
        ChargingProfileVerdict.TransactionNotFound => "TxNotFound",
        ChargingProfileVerdict.DuplicateStackLevel => "DuplicateProfile",
        ChargingProfileVerdict.UnsupportedRateUnit or ChargingProfileVerdict.LocalFrequencyNeedsWatts => "UnsupportedRateUnit",
        ChargingProfileVerdict.OperationModeNotAllowedForPurpose or ChargingProfileVerdict.OperationModeNotSupported => "InvalidOperationMode",
        ChargingProfileVerdict.TooManyProfiles => "OutOfStorage",
        ChargingProfileVerdict.TransactionIdMissing or ChargingProfileVerdict.LimitMissing
            or ChargingProfileVerdict.SetpointMissing or ChargingProfileVerdict.LocalFrequencyNeedsCurve => "MissingParam",
        ChargingProfileVerdict.UnsupportedAdditionalPurpose or ChargingProfileVerdict.DynamicProfilesUnsupported
            or ChargingProfileVerdict.UnsupportedScheduleFeature or ChargingProfileVerdict.EvseSleepUnsupported
            or ChargingProfileVerdict.PhaseToUseNotAllowed => "UnsupportedParam",
        ChargingProfileVerdict.InvalidScheduleCount or ChargingProfileVerdict.StartScheduleMissing
            or ChargingProfileVerdict.StartScheduleNotAllowed or ChargingProfileVerdict.DynamicNeedsSinglePeriod
            or ChargingProfileVerdict.TooManyPeriods or ChargingProfileVerdict.FirstPeriodNotZero
            or ChargingProfileVerdict.PeriodsNotIncreasing or ChargingProfileVerdict.InvalidDuration => "InvalidSchedule",
        ChargingProfileVerdict.UnknownEnumValue or ChargingProfileVerdict.EmptyValidity or ChargingProfileVerdict.InvalidNumberPhases
            or ChargingProfileVerdict.DischargeNotSupported or ChargingProfileVerdict.DischargeLimitPositive
            or ChargingProfileVerdict.DischargeInChargingOnlyMode or ChargingProfileVerdict.CurveTooLong
            or ChargingProfileVerdict.ExternalIdOutOfRange => "InvalidValue",
        _ => "InvalidProfile",
    };

    public static string AdditionalInfo(ChargingProfileVerdict verdict) => verdict switch
    {
        ChargingProfileVerdict.Accepted => "",
        ChargingProfileVerdict.UnknownEnumValue => "An enumeration field holds a value the schema does not define",
        ChargingProfileVerdict.UnknownEvse => "evseId does not exist on this station",
        ChargingProfileVerdict.ExternalConstraintsNotSettable => "K01.FR.22: ChargingStationExternalConstraints cannot be set by the CSMS",
        ChargingProfileVerdict.UnsupportedAdditionalPurpose => "K01.FR.120: purpose not listed in SmartChargingCtrlr.SupportedAdditionalPurposes",
        ChargingProfileVerdict.InvalidStackLevel => "stackLevel exceeds SmartChargingCtrlr.ProfileStackLevel",
        ChargingProfileVerdict.IdReservedForExternalConstraints => "K01.FR.81: id must be above SmartChargingCtrlr.MaxExternalConstraintsId",
        ChargingProfileVerdict.TooManyProfiles => "SmartChargingCtrlr.Entries[ChargingProfiles] maximum reached",
        ChargingProfileVerdict.InvalidScheduleCount => "A profile carries 1 to 3 chargingSchedules",
        ChargingProfileVerdict.StationMaxNotOnStation => "K01.FR.03: ChargingStationMaxProfile only on evseId 0",
        ChargingProfileVerdict.StationMaxRelative => "K01.FR.38: ChargingStationMaxProfile cannot be Relative",
        ChargingProfileVerdict.TxProfileOnStation => "K01.FR.16: TxProfile needs an evseId above 0",
        ChargingProfileVerdict.TransactionIdMissing => "TxProfile needs a transactionId",
        ChargingProfileVerdict.TransactionIdNotAllowed => "transactionId is only allowed in a TxProfile",
        ChargingProfileVerdict.TransactionNotFound => "K01.FR.09/33: no active transaction with this transactionId on the EVSE",
        ChargingProfileVerdict.DuplicateStackLevel => "K01.FR.39: another profile of this purpose has the same stackLevel on this EVSE/transaction",
        ChargingProfileVerdict.ReplacesExternalConstraints => "K01.FR.22: the id belongs to a profile of an external system",
        ChargingProfileVerdict.ReplacesCsmsProfile => "The id belongs to a profile set by the CSMS",
        ChargingProfileVerdict.PurposeNotForExternalSystem => "An external system sets only ChargingStationExternalConstraints or LocalGeneration",
        ChargingProfileVerdict.ExternalIdOutOfRange => "K11.FR.06: external ids are at most MaxExternalConstraintsId, or negative without it",
        ChargingProfileVerdict.RecurrencyKindMissing => "A Recurring profile needs recurrencyKind",
        ChargingProfileVerdict.RecurrencyKindNotAllowed => "recurrencyKind is only allowed in a Recurring profile",
        ChargingProfileVerdict.StartScheduleMissing => "K01.FR.40: Absolute and Recurring schedules need startSchedule",
        ChargingProfileVerdict.StartScheduleNotAllowed => "K01.FR.41: a Relative schedule cannot have startSchedule",
        ChargingProfileVerdict.EmptyValidity => "validTo must be after validFrom",
        ChargingProfileVerdict.InvalidDuration => "duration must be positive and fit in the recurrence period",
        ChargingProfileVerdict.DynamicProfilesUnsupported => "SmartChargingCtrlr.SupportsDynamicProfiles is false",
        ChargingProfileVerdict.DynamicNeedsSinglePeriod => "A Dynamic schedule has exactly one period",
        ChargingProfileVerdict.UnsupportedRateUnit => "K01.FR.26: chargingRateUnit not in SmartChargingCtrlr.RateUnit",
        ChargingProfileVerdict.TooManyPeriods => "More periods than SmartChargingCtrlr.PeriodsPerSchedule",
        ChargingProfileVerdict.FirstPeriodNotZero => "K01.FR.31: the first startPeriod must be 0",
        ChargingProfileVerdict.PeriodsNotIncreasing => "K01.FR.35: startPeriod values must increase",
        ChargingProfileVerdict.RandomizedDelayNotAllowed => "K01.FR.95: randomizedDelay only in TxProfile and TxDefaultProfile",
        ChargingProfileVerdict.UnsupportedScheduleFeature => "randomizedDelay, useLocalTime or limitAtSoC is not supported (SupportsFeature)",
        ChargingProfileVerdict.EvseSleepUnsupported => "K01.FR.126: evseSleep is not supported",
        ChargingProfileVerdict.InvalidNumberPhases => "numberPhases and phaseToUse must be within 0..3 and the EVSE's phases",
        ChargingProfileVerdict.PhaseToUseNotAllowed => "K01.FR.19/20/48: phaseToUse needs numberPhases 1 and ACPhaseSwitchingSupported",
        ChargingProfileVerdict.OperationModeNotAllowedForPurpose => "K01.FR.71: operationMode not allowed for this chargingProfilePurpose",
        ChargingProfileVerdict.OperationModeNotSupported => "K01.FR.115: operationMode not in V2XChargingCtrlr.SupportedOperationModes",
        ChargingProfileVerdict.DischargeNotSupported => "Negative limit, dischargeLimit or setpoint needs V2X enabled on an EVSE that can discharge",
        ChargingProfileVerdict.DischargeLimitPositive => "dischargeLimit must be 0 or negative",
        ChargingProfileVerdict.DischargeInChargingOnlyMode => "operationMode ChargingOnly allows no discharge",
        ChargingProfileVerdict.LimitMissing => "operationMode ChargingOnly needs a limit",
        ChargingProfileVerdict.SetpointMissing => "operationMode CentralSetpoint/CentralFrequency needs a setpoint",
        ChargingProfileVerdict.LocalFrequencyNeedsWatts => "Q08.FR.05: LocalFrequency needs chargingRateUnit W",
        ChargingProfileVerdict.LocalFrequencyNeedsCurve => "Q08.FR.02: LocalFrequency needs v2xBaseline and a v2xFreqWattCurve of 2 or more points",
        ChargingProfileVerdict.CurveTooLong => "A V2X curve has 1 to 20 points",
        _ => verdict.ToString(),
    };
}
