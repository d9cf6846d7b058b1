using System.Collections.Immutable;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>Short builders for test profiles.</summary>
internal static class Profiles
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static ChargingSchedulePeriod P(int start, double? limit = null) => new(start) { Limit = limit };

    public static ChargingSchedule Schedule(ChargingRateUnit unit, params ChargingSchedulePeriod[] periods) =>
        new(1, unit, [.. periods]);

    public static ChargingProfile Absolute(
        int id, ChargingProfilePurpose purpose, int stackLevel, DateTimeOffset start, ChargingRateUnit unit, params ChargingSchedulePeriod[] periods) =>
        new(id, stackLevel, purpose, ChargingProfileKind.Absolute, [Schedule(unit, periods) with { StartSchedule = start }]);

    public static ChargingProfile Relative(
        int id, ChargingProfilePurpose purpose, int stackLevel, ChargingRateUnit unit, params ChargingSchedulePeriod[] periods) =>
        new(id, stackLevel, purpose, ChargingProfileKind.Relative, [Schedule(unit, periods)]);

    public static ChargingProfile Recurring(
        int id, ChargingProfilePurpose purpose, int stackLevel, RecurrencyKind recurrency, DateTimeOffset start, int? duration,
        ChargingRateUnit unit, params ChargingSchedulePeriod[] periods) =>
        new(id, stackLevel, purpose, ChargingProfileKind.Recurring, [Schedule(unit, periods) with { StartSchedule = start, Duration = duration }])
        {
            RecurrencyKind = recurrency,
        };

    public static ChargingProfile WithSchedule(this ChargingProfile profile, Func<ChargingSchedule, ChargingSchedule> change) =>
        profile with { ChargingSchedule = [change(profile.ChargingSchedule[0])] };

    public static InstalledChargingProfile On(this ChargingProfile profile, int evseId) => new(evseId, profile);

    public static EvseCapabilities Ac3Phase32A { get; } = new()
    {
        NominalVoltage = 230,
        SupplyPhases = 3,
        MaxChargeCurrent = 32,
        MaxChargePower = 22_080,
    };

    public static EvseCapabilities BidirectionalAc { get; } = Ac3Phase32A with
    {
        SupportsDischarge = true,
        V2xEnabled = true,
        MaxDischargeCurrent = 16,
        MaxDischargePower = 11_040,
    };

    public static CompositeSchedule Composite(
        EvseCapabilities evse, DateTimeOffset start, int duration, ChargingRateUnit unit, ActiveTransaction? tx,
        params InstalledChargingProfile[] profiles) =>
        CompositeScheduleCalculator.Calculate(new CompositeScheduleRequest(start, duration, 1, unit), profiles, evse, tx);

    /// <summary>(startPeriod, limit) pairs, the shape most golden tests compare.</summary>
    public static (int Start, double Limit)[] Limits(this CompositeSchedule schedule) =>
        [.. schedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, Math.Round(p.Limit, 6)))];

    public static ImmutableArray<T> Arr<T>(params T[] items) => [.. items];
}
