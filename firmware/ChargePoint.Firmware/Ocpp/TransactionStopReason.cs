namespace ChargePoint.Firmware.Ocpp;

/// <summary>The subset of OCPP 2.1 ReasonEnumType (TransactionEvent stoppedReason) the EVSE manager produces.</summary>
public enum TransactionStopReason
{
    Local,
    EVDisconnected,
    EmergencyStop,
    GroundFault,
    PowerLoss,
    Other,
    Remote,
    Timeout,
    StoppedByEV,
    EnergyLimitReached,
}
