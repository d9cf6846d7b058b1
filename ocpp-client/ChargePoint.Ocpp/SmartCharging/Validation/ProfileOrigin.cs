namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>Who installs a profile: the CSMS through SetChargingProfile, or a local external system (EMS, grid operator box).</summary>
public enum ProfileOrigin
{
    Csms,
    ExternalSystem,
}
