namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>ChargingRateUnitEnumType of OCPP 2.1: W is the sum over all phases, A is per phase.</summary>
public enum ChargingRateUnit
{
    W,
    A,
}
