namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>ChargingProfileKindEnumType of OCPP 2.1.</summary>
public enum ChargingProfileKind
{
    Absolute,
    Recurring,
    Relative,
    Dynamic,
}
