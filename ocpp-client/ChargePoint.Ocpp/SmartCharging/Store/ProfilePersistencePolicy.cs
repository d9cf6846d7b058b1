namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// SmartChargingCtrlr.ChargingProfilePersistence[TxProfile|ChargingStationExternalConstraints|LocalGeneration]:
/// whether those purposes survive a reboot. Every other purpose is always persisted.
/// </summary>
public sealed record ProfilePersistencePolicy(bool TxProfile = false, bool ExternalConstraints = true, bool LocalGeneration = true)
{
    public bool Persists(ChargingProfilePurpose purpose) => purpose switch
    {
        ChargingProfilePurpose.TxProfile => TxProfile,
        ChargingProfilePurpose.ChargingStationExternalConstraints => ExternalConstraints,
        ChargingProfilePurpose.LocalGeneration => LocalGeneration,
        _ => true,
    };
}
