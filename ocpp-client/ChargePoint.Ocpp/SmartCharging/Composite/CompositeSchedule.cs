using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// One period of a composite schedule (the ChargingSchedulePeriodType of GetCompositeScheduleResponse).
/// Always <see cref="DischargeLimit"/> &lt;= 0 &lt;= <see cref="Limit"/>, and a setpoint lies between them.
/// </summary>
public sealed record CompositePeriod
{
    public int StartPeriod { get; init; }
    public double Limit { get; init; }
    public double DischargeLimit { get; init; }
    public double? Setpoint { get; init; }
    public double? SetpointReactive { get; init; }
    public OperationMode OperationMode { get; init; } = OperationMode.ChargingOnly;

    /// <summary>Absent on DC.</summary>
    public int? NumberPhases { get; init; }

    public double? V2xBaseline { get; init; }
    public ImmutableArray<V2xFreqWattPoint> V2xFreqWattCurve { get; init; } = [];
    public ImmutableArray<V2xSignalWattPoint> V2xSignalWattCurve { get; init; } = [];
}

/// <summary>The CompositeScheduleType of GetCompositeScheduleResponse: contiguous periods from 0 covering the duration.</summary>
public sealed record CompositeSchedule(
    int EvseId,
    DateTimeOffset ScheduleStart,
    int Duration,
    ChargingRateUnit ChargingRateUnit,
    ImmutableArray<CompositePeriod> ChargingSchedulePeriod);
