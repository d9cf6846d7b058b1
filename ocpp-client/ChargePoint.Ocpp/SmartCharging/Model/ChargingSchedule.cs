using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// ChargingScheduleType of OCPP 2.1 without the price and tariff parts (salesTariff, absolutePriceSchedule,
/// priceLevelSchedule, signatureId, digestValue), which do not influence the composite schedule.
/// </summary>
public sealed record ChargingSchedule
{
    public ChargingSchedule(int id, ChargingRateUnit chargingRateUnit, ImmutableArray<ChargingSchedulePeriod> chargingSchedulePeriod)
    {
        Id = id;
        ChargingRateUnit = chargingRateUnit;
        ChargingSchedulePeriod = chargingSchedulePeriod;
    }

    public int Id { get; init; }
    public ChargingRateUnit ChargingRateUnit { get; init; }

    /// <summary>1..1024 periods, first startPeriod 0, strictly increasing (validated, not enforced here).</summary>
    public ImmutableArray<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    /// <summary>Required for Absolute and Recurring, forbidden for Relative.</summary>
    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>Seconds; absent means the last period lasts indefinitely (or until the transaction ends).</summary>
    public int? Duration { get; init; }

    public double? MinChargingRate { get; init; }
    public LimitAtSoC? LimitAtSoC { get; init; }
    public double? PowerTolerance { get; init; }
    public bool? UseLocalTime { get; init; }
    public int? RandomizedDelay { get; init; }
}
