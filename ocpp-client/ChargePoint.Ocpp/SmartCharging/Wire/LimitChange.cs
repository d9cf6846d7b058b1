namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// SmartChargingCtrlr.LimitChangeSignificance: a new external limit is worth reporting when its limit,
/// dischargeLimit or setpoint moved by more than that percentage of the previous value, or appeared or vanished.
/// </summary>
public static class LimitChange
{
    public static bool IsSignificant(ChargingSchedulePeriod previous, ChargingSchedulePeriod next, double significancePercent)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        return Moved(previous.Limit, next.Limit, significancePercent)
            || Moved(previous.DischargeLimit, next.DischargeLimit, significancePercent)
            || Moved(previous.Setpoint, next.Setpoint, significancePercent)
            || previous.EffectiveOperationMode != next.EffectiveOperationMode;
    }

    private static bool Moved(double? before, double? after, double percent) => (before, after) switch
    {
        (null, null) => false,
        ({ } b, { } a) => Math.Abs(a - b) > Math.Abs(b) * percent / 100 || (b == 0 && a != 0),
        _ => true,
    };
}
