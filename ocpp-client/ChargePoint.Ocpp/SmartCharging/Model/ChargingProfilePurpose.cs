namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>ChargingProfilePurposeEnumType of OCPP 2.1 (member names equal the wire strings).</summary>
public enum ChargingProfilePurpose
{
    ChargingStationExternalConstraints,
    ChargingStationMaxProfile,
    TxDefaultProfile,
    TxProfile,
    PriorityCharging,
    LocalGeneration,
}
