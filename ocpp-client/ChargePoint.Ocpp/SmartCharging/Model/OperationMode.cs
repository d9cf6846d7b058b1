namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>OperationModeEnumType of OCPP 2.1; an absent operationMode means <see cref="ChargingOnly"/>.</summary>
public enum OperationMode
{
    Idle,
    ChargingOnly,
    CentralSetpoint,
    ExternalSetpoint,
    ExternalLimits,
    CentralFrequency,
    LocalFrequency,
    LocalLoadBalancing,
}
