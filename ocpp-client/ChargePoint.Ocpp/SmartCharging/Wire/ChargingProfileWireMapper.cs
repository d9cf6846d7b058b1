using System.Collections.Immutable;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// ChargingProfileType (SetChargingProfile, ReportChargingProfiles) to and from the domain
/// <see cref="ChargingProfile"/>, field by field. Not carried over: priceScheduleSignature and the price/tariff
/// parts of a schedule (salesTariff, absolutePriceSchedule, priceLevelSchedule, signatureId, digestValue), which
/// the domain does not model; customData.
/// </summary>
public static class ChargingProfileWireMapper
{
    public static ChargingProfile ToDomain(ChargingProfileType wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        return new ChargingProfile(
            wire.Id,
            wire.StackLevel,
            WireEnums.Map<ChargingProfilePurposeEnumType, ChargingProfilePurpose>(wire.ChargingProfilePurpose),
            WireEnums.Map<ChargingProfileKindEnumType, ChargingProfileKind>(wire.ChargingProfileKind),
            [.. wire.ChargingSchedule.Select(ToDomain)])
        {
            RecurrencyKind = wire.RecurrencyKind is { } r ? WireEnums.Map<RecurrencyKindEnumType, RecurrencyKind>(r) : null,
            ValidFrom = wire.ValidFrom,
            ValidTo = wire.ValidTo,
            TransactionId = wire.TransactionId,
            MaxOfflineDuration = wire.MaxOfflineDuration,
            InvalidAfterOfflineDuration = wire.InvalidAfterOfflineDuration,
            DynUpdateInterval = wire.DynUpdateInterval,
            DynUpdateTime = wire.DynUpdateTime,
        };
    }

    public static ChargingProfileType ToWire(ChargingProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new ChargingProfileType
        {
            Id = profile.Id,
            StackLevel = profile.StackLevel,
            ChargingProfilePurpose = WireEnums.Map<ChargingProfilePurpose, ChargingProfilePurposeEnumType>(profile.ChargingProfilePurpose),
            ChargingProfileKind = WireEnums.Map<ChargingProfileKind, ChargingProfileKindEnumType>(profile.ChargingProfileKind),
            RecurrencyKind = profile.RecurrencyKind is { } r ? WireEnums.Map<RecurrencyKind, RecurrencyKindEnumType>(r) : null,
            ValidFrom = profile.ValidFrom,
            ValidTo = profile.ValidTo,
            TransactionId = profile.TransactionId,
            MaxOfflineDuration = profile.MaxOfflineDuration,
            InvalidAfterOfflineDuration = profile.InvalidAfterOfflineDuration,
            DynUpdateInterval = profile.DynUpdateInterval,
            DynUpdateTime = profile.DynUpdateTime,
            ChargingSchedule = [.. profile.ChargingSchedule.Select(ToWire)],
        };
    }

    public static ChargingSchedule ToDomain(ChargingScheduleType wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        return new ChargingSchedule(wire.Id, RateUnit(wire.ChargingRateUnit), [.. wire.ChargingSchedulePeriod.Select(ToDomain)])
        {
            StartSchedule = wire.StartSchedule,
            Duration = wire.Duration,
            MinChargingRate = wire.MinChargingRate,
            LimitAtSoC = wire.LimitAtSoC is { } soc ? new LimitAtSoC(soc.Soc, soc.Limit) : null,
            PowerTolerance = wire.PowerTolerance,
            UseLocalTime = wire.UseLocalTime,
            RandomizedDelay = wire.RandomizedDelay,
        };
    }

    public static ChargingScheduleType ToWire(ChargingSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ChargingScheduleType
        {
            Id = schedule.Id,
            ChargingRateUnit = RateUnit(schedule.ChargingRateUnit),
            ChargingSchedulePeriod = [.. schedule.ChargingSchedulePeriod.Select(ToWire)],
            StartSchedule = schedule.StartSchedule,
            Duration = schedule.Duration,
            MinChargingRate = schedule.MinChargingRate,
            LimitAtSoC = schedule.LimitAtSoC is { } soc ? new LimitAtSoCType { Soc = soc.Soc, Limit = soc.Limit } : null,
            PowerTolerance = schedule.PowerTolerance,
            UseLocalTime = schedule.UseLocalTime,
            RandomizedDelay = schedule.RandomizedDelay,
        };
    }

    public static ChargingSchedulePeriod ToDomain(ChargingSchedulePeriodType wire)
    {
        ArgumentNullException.ThrowIfNull(wire);
        return new ChargingSchedulePeriod(wire.StartPeriod)
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
            NumberPhases = wire.NumberPhases,
            PhaseToUse = wire.PhaseToUse,
            PreconditioningRequest = wire.PreconditioningRequest,
            EvseSleep = wire.EvseSleep,
            V2xBaseline = wire.V2xBaseline,
            OperationMode = wire.OperationMode is { } mode ? WireEnums.Map<OperationModeEnumType, OperationMode>(mode) : null,
            V2xFreqWattCurve = wire.V2xFreqWattCurve is { } f ? [.. f.Select(p => new V2xFreqWattPoint(p.Frequency, p.Power))] : [],
            V2xSignalWattCurve = wire.V2xSignalWattCurve is { } s ? [.. s.Select(p => new V2xSignalWattPoint(p.Signal, p.Power))] : [],
        };
    }

    public static ChargingSchedulePeriodType ToWire(ChargingSchedulePeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return new ChargingSchedulePeriodType
        {
            StartPeriod = period.StartPeriod,
            Limit = period.Limit,
            LimitL2 = period.LimitL2,
            LimitL3 = period.LimitL3,
            DischargeLimit = period.DischargeLimit,
            DischargeLimitL2 = period.DischargeLimitL2,
            DischargeLimitL3 = period.DischargeLimitL3,
            Setpoint = period.Setpoint,
            SetpointL2 = period.SetpointL2,
            SetpointL3 = period.SetpointL3,
            SetpointReactive = period.SetpointReactive,
            SetpointReactiveL2 = period.SetpointReactiveL2,
            SetpointReactiveL3 = period.SetpointReactiveL3,
            NumberPhases = period.NumberPhases,
            PhaseToUse = period.PhaseToUse,
            PreconditioningRequest = period.PreconditioningRequest,
            EvseSleep = period.EvseSleep,
            V2xBaseline = period.V2xBaseline,
            OperationMode = period.OperationMode is { } mode ? WireEnums.Map<OperationMode, OperationModeEnumType>(mode) : null,
            V2xFreqWattCurve = FreqWattCurve(period.V2xFreqWattCurve),
            V2xSignalWattCurve = SignalWattCurve(period.V2xSignalWattCurve),
        };
    }

    public static ChargingRateUnit RateUnit(ChargingRateUnitEnumType unit) => WireEnums.Map<ChargingRateUnitEnumType, ChargingRateUnit>(unit);

    public static ChargingRateUnitEnumType RateUnit(ChargingRateUnit unit) => WireEnums.Map<ChargingRateUnit, ChargingRateUnitEnumType>(unit);

    /// <summary>An empty curve is omitted: the schema requires 1..20 points when the field is present.</summary>
    internal static IReadOnlyList<V2XFreqWattPointType>? FreqWattCurve(ImmutableArray<V2xFreqWattPoint> points) =>
        points.IsDefaultOrEmpty ? null : [.. points.Select(p => new V2XFreqWattPointType { Frequency = p.Frequency, Power = p.Power })];

    internal static IReadOnlyList<V2XSignalWattPointType>? SignalWattCurve(ImmutableArray<V2xSignalWattPoint> points) =>
        points.IsDefaultOrEmpty ? null : [.. points.Select(p => new V2XSignalWattPointType { Signal = p.Signal, Power = p.Power })];
}
