using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>The SmartChargingCtrlr device-model values the validator and the store obey.</summary>
public sealed record SmartChargingSettings
{
    /// <summary>RateUnit (K01.FR.26).</summary>
    public ImmutableHashSet<ChargingRateUnit> RateUnits { get; init; } = [ChargingRateUnit.A, ChargingRateUnit.W];

    /// <summary>PeriodsPerSchedule: the most periods one schedule may hold.</summary>
    public int PeriodsPerSchedule { get; init; } = 1024;

    /// <summary>ProfileStackLevel: the highest stackLevel accepted.</summary>
    public int ProfileStackLevel { get; init; } = 100;

    /// <summary>Entries[ChargingProfiles] maximum: the most profiles installed at once.</summary>
    public int MaxProfiles { get; init; } = 256;

    /// <summary>SupportedAdditionalPurposes (K01.FR.120): PriorityCharging and/or LocalGeneration.</summary>
    public ImmutableHashSet<ChargingProfilePurpose> SupportedAdditionalPurposes { get; init; } = [];

    /// <summary>MaxExternalConstraintsId (K01.FR.81): CSMS profile ids must be above it.</summary>
    public int? MaxExternalConstraintsId { get; init; }

    public bool SupportsDynamicProfiles { get; init; }
    public bool SupportsRandomizedDelay { get; init; }
    public bool SupportsUseLocalTime { get; init; }
    public bool SupportsLimitAtSoC { get; init; }
    public bool SupportsEvseSleep { get; init; }
}
