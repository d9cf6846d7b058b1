namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>ChargingScheduleUpdateType of UpdateDynamicSchedule / PullDynamicScheduleUpdate: the values given replace the period's.</summary>
public sealed record ChargingScheduleUpdate
{
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

    internal ChargingSchedulePeriod ApplyTo(ChargingSchedulePeriod period) => period with
    {
        Limit = Limit ?? period.Limit,
        LimitL2 = LimitL2 ?? period.LimitL2,
        LimitL3 = LimitL3 ?? period.LimitL3,
        DischargeLimit = DischargeLimit ?? period.DischargeLimit,
        DischargeLimitL2 = DischargeLimitL2 ?? period.DischargeLimitL2,
        DischargeLimitL3 = DischargeLimitL3 ?? period.DischargeLimitL3,
        Setpoint = Setpoint ?? period.Setpoint,
        SetpointL2 = SetpointL2 ?? period.SetpointL2,
        SetpointL3 = SetpointL3 ?? period.SetpointL3,
        SetpointReactive = SetpointReactive ?? period.SetpointReactive,
        SetpointReactiveL2 = SetpointReactiveL2 ?? period.SetpointReactiveL2,
        SetpointReactiveL3 = SetpointReactiveL3 ?? period.SetpointReactiveL3,
    };
}
