using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// The effective limits and setpoint. Limits are magnitudes; <see cref="SetpointWatts"/> is signed (positive
/// charges the EV, negative discharges it) and always lies in [−DischargeLimit, ChargeLimit].
/// <see cref="OperationMode"/> is the mode of the composite period in force (ChargingOnly without one), which the
/// station reports in TransactionEvent (transactionInfo.operationMode).
/// </summary>
public sealed record EnergyDecision(
    double ChargeLimitWatts,
    double DischargeLimitWatts,
    double ChargeCurrentLimitAmperes,
    double DischargeCurrentLimitAmperes,
    double SetpointWatts,
    LimitSource ChargeLimitedBy,
    LimitSource DischargeLimitedBy,
    OperationMode OperationMode = OperationMode.ChargingOnly)
{
    public static EnergyDecision Zero { get; } = new(0, 0, 0, 0, 0, LimitSource.None, LimitSource.None);

    public bool IsDischarging => SetpointWatts < 0;
}
