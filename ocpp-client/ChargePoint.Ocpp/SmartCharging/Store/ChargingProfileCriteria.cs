using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// GetChargingProfilesRequest selection: evseId (absent = every EVSE and the station, 0 = station-wide only)
/// and the ChargingProfileCriterionType fields. Every field given must match.
/// </summary>
public sealed record ChargingProfileCriteria
{
    public int? EvseId { get; init; }
    public ChargingProfilePurpose? ChargingProfilePurpose { get; init; }
    public int? StackLevel { get; init; }
    public ImmutableArray<int> ChargingProfileId { get; init; } = [];
    public ImmutableArray<string> ChargingLimitSource { get; init; } = [];

    internal bool Matches(InstalledChargingProfile installed)
    {
        var profile = installed.Profile;
        return (EvseId is not { } evse || installed.EvseId == evse)
            && (ChargingProfilePurpose is not { } purpose || profile.ChargingProfilePurpose == purpose)
            && (StackLevel is not { } level || profile.StackLevel == level)
            && (ChargingProfileId.IsDefaultOrEmpty || ChargingProfileId.Contains(profile.Id))
            && (ChargingLimitSource.IsDefaultOrEmpty || ChargingLimitSource.Contains(installed.ChargingLimitSource, StringComparer.Ordinal));
    }
}
