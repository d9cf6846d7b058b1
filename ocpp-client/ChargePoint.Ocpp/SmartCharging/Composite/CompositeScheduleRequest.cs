namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// GetCompositeScheduleRequest plus the evaluation start: the schedule covers [Start, Start + Duration s).
/// <see cref="OfflineSince"/>, when set, ends every profile with a maxOfflineDuration that much later.
/// </summary>
public sealed record CompositeScheduleRequest(DateTimeOffset Start, int Duration, int EvseId, ChargingRateUnit ChargingRateUnit)
{
    public DateTimeOffset? OfflineSince { get; init; }
}
