using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// ChargingSchedulePeriodType of OCPP 2.1, field for field. Values are in the schedule's chargingRateUnit;
/// W values are the sum of all phases unless L2/L3 values are given (then the plain field is phase L1).
/// <see cref="DischargeLimit"/> is at most 0 (schema maximum 0); <see cref="Setpoint"/> is negative for discharge.
/// </summary>
public sealed record ChargingSchedulePeriod
{
    public ChargingSchedulePeriod(int startPeriod) => StartPeriod = startPeriod;

    /// <summary>Seconds from the start of the schedule; also the end of the previous period.</summary>
    public int StartPeriod { get; init; }

    public double? Limit { get; init; }
    public double? LimitL2 { get; init; }
    public double? LimitL3 { get; init; }
    public double? DischargeLimit { get; init; }
    public double? DischargeLimitL2 { get; init; }
    public double? DischargeLimitL3 { get; init; }
    public double? Setpoint { get; init; }
    public double? SetpointL2 { get; init; }
    public double? SetpointL3 { get; init; }
    public double? SetpointReactive { get; init; }
    public double? SetpointReactiveL2 { get; init; }
    public double? SetpointReactiveL3 { get; init; }

    /// <summary>0..3; absent means 3 on AC (schema text); omitted for DC.</summary>
    public int? NumberPhases { get; init; }

    /// <summary>1..3; only with numberPhases 1 on an EVSE that supports phase switching.</summary>
    public int? PhaseToUse { get; init; }

    public bool? PreconditioningRequest { get; init; }
    public bool? EvseSleep { get; init; }
    public double? V2xBaseline { get; init; }

    /// <summary>Absent means <see cref="SmartCharging.OperationMode.ChargingOnly"/>.</summary>
    public OperationMode? OperationMode { get; init; }

    public ImmutableArray<V2xFreqWattPoint> V2xFreqWattCurve { get; init; } = [];
    public ImmutableArray<V2xSignalWattPoint> V2xSignalWattCurve { get; init; } = [];

    /// <summary>The operation mode with the schema default applied.</summary>
    public OperationMode EffectiveOperationMode => OperationMode ?? SmartCharging.OperationMode.ChargingOnly;
}
