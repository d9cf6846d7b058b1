using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>ChargingProfileType of OCPP 2.1 (without priceScheduleSignature, which only matters to ISO 15118).</summary>
public sealed record ChargingProfile
{
    public ChargingProfile(
        int id,
        int stackLevel,
        ChargingProfilePurpose chargingProfilePurpose,
        ChargingProfileKind chargingProfileKind,
        ImmutableArray<ChargingSchedule> chargingSchedule)
    {
        Id = id;
        StackLevel = stackLevel;
        ChargingProfilePurpose = chargingProfilePurpose;
        ChargingProfileKind = chargingProfileKind;
        ChargingSchedule = chargingSchedule;
    }

    /// <summary>Unique within the station; may be negative for profiles from an external actor.</summary>
    public int Id { get; init; }

    /// <summary>Higher values take precedence over lower ones within one purpose; 0 is the lowest.</summary>
    public int StackLevel { get; init; }

    public ChargingProfilePurpose ChargingProfilePurpose { get; init; }
    public ChargingProfileKind ChargingProfileKind { get; init; }
    public RecurrencyKind? RecurrencyKind { get; init; }
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidTo { get; init; }

    /// <summary>Only for TxProfile: binds the profile to one transaction.</summary>
    public string? TransactionId { get; init; }

    public int? MaxOfflineDuration { get; init; }
    public bool? InvalidAfterOfflineDuration { get; init; }
    public int? DynUpdateInterval { get; init; }
    public DateTimeOffset? DynUpdateTime { get; init; }

    /// <summary>1..3 schedules; the composite uses the first (the others are alternatives offered to an ISO 15118 EV).</summary>
    public ImmutableArray<ChargingSchedule> ChargingSchedule { get; init; }
}
