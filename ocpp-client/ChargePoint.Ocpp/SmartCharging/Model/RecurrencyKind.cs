namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>RecurrencyKindEnumType of OCPP 2.1.</summary>
public enum RecurrencyKind
{
    Daily,
    Weekly,
}
