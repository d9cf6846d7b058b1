namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// ClearChargingProfileRequest: chargingProfileId and/or chargingProfileCriteria (evseId, purpose, stackLevel).
/// Every field given must match; no field at all clears every profile the CSMS may clear.
/// </summary>
public sealed record ClearChargingProfileCriteria
{
    public int? ChargingProfileId { get; init; }
    public int? EvseId { get; init; }
    public ChargingProfilePurpose? ChargingProfilePurpose { get; init; }
    public int? StackLevel { get; init; }
}

/// <summary>ClearChargingProfileStatusEnumType.</summary>
public enum ClearChargingProfileStatus
{
    Accepted,
    Unknown,
}
