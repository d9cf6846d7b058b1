namespace ChargePoint.Firmware.Ocpp;

/// <summary>ConnectorStatusEnumType of OCPP 2.1 (StatusNotificationRequest).</summary>
public enum ConnectorStatus
{
    Available,
    Occupied,
    Reserved,
    Unavailable,
    Faulted,
}
