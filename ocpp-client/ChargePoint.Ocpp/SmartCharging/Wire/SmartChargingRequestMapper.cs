using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// The request/response parts other than the profile itself: ClearChargingProfile and GetChargingProfiles
/// criteria, the UpdateDynamicSchedule values and the composite schedule of GetCompositeScheduleResponse.
/// </summary>
public static class SmartChargingRequestMapper
{
    public static ClearChargingProfileCriteria ToCriteria(ClearChargingProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var criteria = request.ChargingProfileCriteria;
        return new ClearChargingProfileCriteria
        {
            ChargingProfileId = request.ChargingProfileId,
            EvseId = criteria?.EvseId,
            ChargingProfilePurpose = criteria?.ChargingProfilePurpose is { } p ? WireEnums.Map<ChargingProfilePurposeEnumType, ChargingProfilePurpose>(p) : null,
            StackLevel = criteria?.StackLevel,
        };
    }

    public static ChargingProfileCriteria ToCriteria(GetChargingProfilesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var criterion = request.ChargingProfile;
        return new ChargingProfileCriteria
        {
            EvseId = request.EvseId,
            ChargingProfilePurpose = criterion.ChargingProfilePurpose is { } p ? WireEnums.Map<ChargingProfilePurposeEnumType, ChargingProfilePurpose>(p) : null,
            StackLevel = criterion.StackLevel,
            ChargingProfileId = criterion.ChargingProfileId is { } ids ? [.. ids] : [],
            ChargingLimitSource = criterion.ChargingLimitSource is { } sources ? [.. sources] : [],
        };
    }

    public static ChargingScheduleUpdate ToDomain(ChargingScheduleUpdateType wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        return new ChargingScheduleUpdate
        {
            Limit = wire.Limit,
            LimitL2 = wire.LimitL2,
            LimitL3 = wire.LimitL3,
            DischargeLimit = wire.DischargeLimit,
            DischargeLimitL2 = wire.DischargeLimitL2,
            DischargeLimitL3 = wire.DischargeLimitL3,
            Setpoint = wire.Setpoint,
            SetpointL2 = wire.SetpointL2,
            SetpointL3 = wire.SetpointL3,
            SetpointReactive = wire.SetpointReactive,
            SetpointReactiveL2 = wire.SetpointReactiveL2,
            SetpointReactiveL3 = wire.SetpointReactiveL3,
        };
    }

    /// <summary>
    /// CompositeScheduleType. dischargeLimit is reported only when it allows discharge (below 0) and the
    /// operationMode only when it is not the default ChargingOnly, so a charge-only schedule reads as in OCPP 2.0.1.
    /// </summary>
    public static CompositeScheduleType ToWire(CompositeSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new CompositeScheduleType
        {
            EvseId = schedule.EvseId,
            Duration = schedule.Duration,
            ScheduleStart = schedule.ScheduleStart,
            ChargingRateUnit = ChargingProfileWireMapper.RateUnit(schedule.ChargingRateUnit),
            ChargingSchedulePeriod = [.. schedule.ChargingSchedulePeriod.Select(ToWire)],
        };
    }

    private static ChargingSchedulePeriodType ToWire(CompositePeriod period) => new()
    {
        StartPeriod = period.StartPeriod,
        Limit = period.Limit,
        DischargeLimit = period.DischargeLimit < 0 ? period.DischargeLimit : null,
        Setpoint = period.Setpoint,
        SetpointReactive = period.SetpointReactive,
        NumberPhases = period.NumberPhases,
        V2xBaseline = period.V2xBaseline,
        OperationMode = period.OperationMode == OperationMode.ChargingOnly ? null : WireEnums.Map<OperationMode, OperationModeEnumType>(period.OperationMode),
        V2xFreqWattCurve = ChargingProfileWireMapper.FreqWattCurve(period.V2xFreqWattCurve),
        V2xSignalWattCurve = ChargingProfileWireMapper.SignalWattCurve(period.V2xSignalWattCurve),
    };
}
