using System.Collections.Immutable;
using ChargePoint.Ocpp.SmartCharging;
using FsCheck;
using FsCheck.Fluent;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>
/// A random composite-schedule input. Every instant that matters (window start, transaction start,
/// startSchedule, validity bounds, startPeriod) lies on a 300 s grid from <see cref="Profiles.T0"/>,
/// so checking the grid points checks every piece of the piecewise-constant result.
/// </summary>
internal sealed record CompositeScenario(
    EvseCapabilities Evse,
    int Duration,
    ChargingRateUnit Unit,
    ActiveTransaction? Transaction,
    ImmutableArray<InstalledChargingProfile> Installed)
{
    public const int Grid = 300;

    public override string ToString() =>
        FormattableString.Invariant($"duration {Duration} {Unit}, evse phases {Evse.SupplyPhases} discharge {Evse.CanDischarge}, tx {Transaction}\n  ")
        + string.Join("\n  ", Installed.Select(Describe));

    private static string Describe(InstalledChargingProfile p)
    {
        var profile = p.Profile;
        var schedule = profile.ChargingSchedule[0];
        var periods = string.Join(" ", schedule.ChargingSchedulePeriod.Select(x => FormattableString.Invariant(
            $"[{x.StartPeriod} l={x.Limit} d={x.DischargeLimit} s={x.Setpoint} n={x.NumberPhases} {x.OperationMode}]")));
        return FormattableString.Invariant($"evse {p.EvseId} id {profile.Id} {profile.ChargingProfilePurpose} {profile.ChargingProfileKind}/{profile.RecurrencyKind} stack {profile.StackLevel} tx {profile.TransactionId} valid {profile.ValidFrom:HH:mm}..{profile.ValidTo:HH:mm} start {schedule.StartSchedule:MM-dd HH:mm} dur {schedule.Duration} {schedule.ChargingRateUnit} {periods}");
    }

    public static Arbitrary<CompositeScenario> Arbitrary { get; } = Generator().ToArbitrary();

    private static Gen<CompositeScenario> Generator() =>
        from evse in EvseGen()
        from duration in Gen.Choose(0, 96).Select(k => k * Grid)
        from unit in Gen.Elements(ChargingRateUnit.A, ChargingRateUnit.W)
        from transaction in OrNull(
            from start in Gen.Choose(-100, 100)
            from priority in Gen.Elements(false, true)
            select new ActiveTransaction("tx-1", At(start), priority))
        from count in Gen.Choose(0, 8)
        from profiles in Gen.ListOf(ProfileGen(), count)
        select new CompositeScenario(evse, duration, unit, transaction,
            [.. profiles.Select((p, i) => p with { Profile = p.Profile with { Id = i + 1 } })]);

    private static Gen<EvseCapabilities> EvseGen() =>
        from phases in Gen.Elements(1, 3)
        from amps in Gen.Elements(16, 32)
        from discharge in Gen.Elements(false, true)
        from v2x in Gen.Elements(false, true)
        select new EvseCapabilities
        {
            NominalVoltage = 230,
            SupplyPhases = phases,
            MaxChargeCurrent = amps,
            MaxChargePower = amps * 230.0 * phases,
            SupportsDischarge = discharge,
            V2xEnabled = v2x,
            MaxDischargeCurrent = discharge ? amps / 2 : 0,
            MaxDischargePower = discharge ? amps / 2 * 230.0 * phases : 0,
        };

    private static Gen<InstalledChargingProfile> ProfileGen() =>
        from purpose in Gen.Elements(Enum.GetValues<ChargingProfilePurpose>())
        from evseId in Gen.Elements(0, 1, 1, 2)
        from kind in Gen.Elements(ChargingProfileKind.Absolute, ChargingProfileKind.Recurring, ChargingProfileKind.Relative)
        from recurrency in Gen.Elements(RecurrencyKind.Daily, RecurrencyKind.Weekly)
        from stackLevel in Gen.Choose(0, 3)
        from transactionId in Gen.Elements("tx-1", "tx-2")
        from start in Gen.Choose(-600, 300)
        from duration in Nullable(Gen.Choose(1, 100).Select(k => k * Grid))
        from validFrom in Nullable(Gen.Choose(-50, 100).Select(At))
        from validLength in Nullable(Gen.Choose(1, 100))
        from unit in Gen.Elements(ChargingRateUnit.A, ChargingRateUnit.W)
        from periodCount in Gen.Choose(1, 5)
        from periods in Gen.ListOf(PeriodGen(unit), periodCount)
        let profile = new ChargingProfile(0, stackLevel, purpose, kind,
            [new ChargingSchedule(1, unit, [.. WithIncreasingStarts(periods)])
            {
                StartSchedule = kind == ChargingProfileKind.Relative ? null : At(start),
                Duration = duration,
            }])
        {
            RecurrencyKind = kind == ChargingProfileKind.Recurring ? recurrency : null,
            TransactionId = purpose == ChargingProfilePurpose.TxProfile ? transactionId : null,
            ValidFrom = validFrom,
            ValidTo = validFrom is { } begin && validLength is { } length ? begin.AddSeconds(length * Grid) : null,
        }
        select new InstalledChargingProfile(purpose == ChargingProfilePurpose.ChargingStationMaxProfile ? 0 : evseId, profile);

    private static Gen<(int Step, ChargingSchedulePeriod Period)> PeriodGen(ChargingRateUnit unit)
    {
        var scale = unit == ChargingRateUnit.A ? 1 : 500;
        return from step in Gen.Choose(1, 24)
               from limit in Nullable(Gen.Choose(0, 40).Select(v => (double)(v * scale)))
               from dischargeLimit in Nullable(Gen.Choose(-40, 0).Select(v => (double)(v * scale)))
               from setpoint in Nullable(Gen.Choose(-40, 40).Select(v => (double)(v * scale)))
               from phases in Nullable(Gen.Elements(1, 3))
               from mode in Gen.Elements(
                   OperationMode.ChargingOnly, OperationMode.ChargingOnly, OperationMode.CentralSetpoint,
                   OperationMode.ExternalSetpoint, OperationMode.ExternalLimits, OperationMode.Idle)
               select (step, new ChargingSchedulePeriod(0)
               {
                   Limit = limit,
                   DischargeLimit = dischargeLimit,
                   Setpoint = setpoint,
                   NumberPhases = phases,
                   OperationMode = mode,
               });
    }

    private static IEnumerable<ChargingSchedulePeriod> WithIncreasingStarts(IEnumerable<(int Step, ChargingSchedulePeriod Period)> periods)
    {
        var start = 0;
        foreach (var (step, period) in periods)
        {
            yield return period with { StartPeriod = start };
            start += step * Grid;
        }
    }

    private static DateTimeOffset At(int gridSteps) => Profiles.T0.AddSeconds(gridSteps * Grid);

    private static Gen<T?> Nullable<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));
}
