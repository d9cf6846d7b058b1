namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// A profile as installed on the station: the EVSE it was set for (0 = the whole station) and the
/// chargingLimitSource it came from (CSO for the CSMS, EMS or others for local external actors).
/// </summary>
public sealed record InstalledChargingProfile(int EvseId, ChargingProfile Profile, string ChargingLimitSource = InstalledChargingProfile.CsoSource)
{
    /// <summary>The chargingLimitSource of profiles set by the CSMS.</summary>
    public const string CsoSource = "CSO";
}
