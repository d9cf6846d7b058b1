namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>Rules on one period: operation mode, signs of limits and setpoints, phases, V2X curves.</summary>
internal static class PeriodRules
{
    private const int MaxCurvePoints = 20;

    public static ChargingProfileVerdict Check(
        int evseId, ChargingProfile profile, ChargingSchedule schedule, ChargingSchedulePeriod period, ProfileValidationContext context)
    {
        var mode = period.EffectiveOperationMode;
        if (!Enum.IsDefined(mode))
        {
            return ChargingProfileVerdict.UnknownEnumValue;
        }

        if (!IsAllowedForPurpose(mode, profile.ChargingProfilePurpose))
        {
            return ChargingProfileVerdict.OperationModeNotAllowedForPurpose;
        }

        if (!context.SupportsOperationMode(evseId, mode))
        {
            return ChargingProfileVerdict.OperationModeNotSupported;
        }

        var verdict = CheckSigns(evseId, period, mode, context);
        if (verdict != ChargingProfileVerdict.Accepted)
        {
            return verdict;
        }

        verdict = CheckRequiredValues(schedule, period, mode);
        return verdict != ChargingProfileVerdict.Accepted ? verdict : CheckPhasesAndFlags(evseId, period, context);
    }

    /// <summary>
    /// Which operationMode each purpose may use: Tx and TxDefault all; ChargingStationMaxProfile and
    /// PriorityCharging only ChargingOnly (K01.FR.71); external constraints and local generation only the
    /// modes an external system drives.
    /// </summary>
    private static bool IsAllowedForPurpose(OperationMode mode, ChargingProfilePurpose purpose) => purpose switch
    {
        ChargingProfilePurpose.TxProfile or ChargingProfilePurpose.TxDefaultProfile => true,
        ChargingProfilePurpose.ChargingStationExternalConstraints =>
            mode is OperationMode.ChargingOnly or OperationMode.ExternalLimits or OperationMode.ExternalSetpoint,
        ChargingProfilePurpose.LocalGeneration => mode is OperationMode.ChargingOnly or OperationMode.ExternalLimits,
        _ => mode == OperationMode.ChargingOnly,
    };

    private static ChargingProfileVerdict CheckSigns(int evseId, ChargingSchedulePeriod period, OperationMode mode, ProfileValidationContext context)
    {
        if (period.DischargeLimit > 0 || period.DischargeLimitL2 > 0 || period.DischargeLimitL3 > 0)
        {
            return ChargingProfileVerdict.DischargeLimitPositive;
        }

        var asksDischarge = period.Limit < 0 || period.LimitL2 < 0 || period.LimitL3 < 0
            || period.DischargeLimit < 0 || period.DischargeLimitL2 < 0 || period.DischargeLimitL3 < 0
            || period.Setpoint < 0 || period.SetpointL2 < 0 || period.SetpointL3 < 0;
        if (!asksDischarge)
        {
            return ChargingProfileVerdict.Accepted;
        }

        // Discharge is only accepted where V2X is enabled and the EVSE hardware can feed back.
        if (!context.CanDischarge(evseId))
        {
            return ChargingProfileVerdict.DischargeNotSupported;
        }

        return mode == OperationMode.ChargingOnly ? ChargingProfileVerdict.DischargeInChargingOnlyMode : ChargingProfileVerdict.Accepted;
    }

    private static ChargingProfileVerdict CheckRequiredValues(ChargingSchedule schedule, ChargingSchedulePeriod period, OperationMode mode)
    {
        // Schema text: limit is optional only where the operation mode does not need it; ChargingOnly does.
        if (mode == OperationMode.ChargingOnly && period.Limit is null)
        {
            return ChargingProfileVerdict.LimitMissing;
        }

        if (mode is OperationMode.CentralSetpoint or OperationMode.CentralFrequency && period.Setpoint is null)
        {
            return ChargingProfileVerdict.SetpointMissing;
        }

        if (mode == OperationMode.LocalFrequency)
        {
            if (schedule.ChargingRateUnit != ChargingRateUnit.W)
            {
                return ChargingProfileVerdict.LocalFrequencyNeedsWatts;
            }

            if (period.V2xBaseline is null || period.V2xFreqWattCurve.Length < 2)
            {
                return ChargingProfileVerdict.LocalFrequencyNeedsCurve;
            }
        }

        return period.V2xFreqWattCurve.Length > MaxCurvePoints || period.V2xSignalWattCurve.Length > MaxCurvePoints
            ? ChargingProfileVerdict.CurveTooLong
            : ChargingProfileVerdict.Accepted;
    }

    private static ChargingProfileVerdict CheckPhasesAndFlags(int evseId, ChargingSchedulePeriod period, ProfileValidationContext context)
    {
        if (period.NumberPhases is < 0 or > 3 || period.PhaseToUse is < 0 or > 3)
        {
            return ChargingProfileVerdict.InvalidNumberPhases;
        }

        if (period.PhaseToUse is not null && (period.NumberPhases != 1 || !SupportsPhaseSwitching(evseId, context)))
        {
            return ChargingProfileVerdict.PhaseToUseNotAllowed;
        }

        return period.EvseSleep == true && !context.Settings.SupportsEvseSleep
            ? ChargingProfileVerdict.EvseSleepUnsupported
            : ChargingProfileVerdict.Accepted;
    }

    private static bool SupportsPhaseSwitching(int evseId, ProfileValidationContext context) => evseId == 0
        ? context.Evses.Values.Any(e => e.AcPhaseSwitchingSupported)
        : context.Evses.TryGetValue(evseId, out var evse) && evse.AcPhaseSwitchingSupported;
}
