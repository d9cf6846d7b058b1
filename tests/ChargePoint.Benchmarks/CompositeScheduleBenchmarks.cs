using BenchmarkDotNet.Attributes;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Benchmarks;

/// <summary>
/// The composite schedule engine under load: 10 profiles x 1024 periods over 24 h (issue 7), once with
/// Absolute profiles whose period boundaries never coincide (about 10 000 change points) and once with
/// Recurring daily profiles that cross midnight; plus a typical three-profile station for the per-loop cost.
///   dotnet run -c Release --project tests/ChargePoint.Benchmarks -- --filter '*CompositeSchedule*' --job short
/// </summary>
[MemoryDiagnoser]
[MinColumn]
public class CompositeScheduleBenchmarks
{
    private const int Day = 86_400;
    private const int Periods = 1024;
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);

    private static readonly EvseCapabilities Evse = new()
    {
        NominalVoltage = 230,
        SupplyPhases = 3,
        MaxChargeCurrent = 32,
        MaxChargePower = 22_080,
        SupportsDischarge = true,
        V2xEnabled = true,
        MaxDischargeCurrent = 16,
        MaxDischargePower = 11_040,
    };

    private static readonly ActiveTransaction Transaction = new("tx-1", Start.AddHours(-1));
    private static readonly CompositeScheduleRequest DayInWatts = new(Start, Day, 1, ChargingRateUnit.W);

    private InstalledChargingProfile[] _absolute = [];
    private InstalledChargingProfile[] _recurring = [];
    private InstalledChargingProfile[] _typical = [];

    [GlobalSetup]
    public void Setup()
    {
        _absolute = [.. Enumerable.Range(0, 10).Select(i => Build(i, ChargingProfileKind.Absolute))];
        _recurring = [.. Enumerable.Range(0, 10).Select(i => Build(i, ChargingProfileKind.Recurring))];
        _typical =
        [
            new(0, new ChargingProfile(1, 0, ChargingProfilePurpose.ChargingStationMaxProfile, ChargingProfileKind.Absolute,
                [new ChargingSchedule(1, ChargingRateUnit.A, [new ChargingSchedulePeriod(0) { Limit = 32 }]) { StartSchedule = Start }])),
            new(0, new ChargingProfile(2, 0, ChargingProfilePurpose.TxDefaultProfile, ChargingProfileKind.Recurring,
                [new ChargingSchedule(1, ChargingRateUnit.A, [new ChargingSchedulePeriod(0) { Limit = 10 }, new ChargingSchedulePeriod(28_800) { Limit = 32 }])
                {
                    StartSchedule = Start.AddHours(-2),
                }])
            { RecurrencyKind = RecurrencyKind.Daily }),
            new(1, new ChargingProfile(3, 0, ChargingProfilePurpose.TxProfile, ChargingProfileKind.Relative,
                [new ChargingSchedule(1, ChargingRateUnit.W,
                    [new ChargingSchedulePeriod(0) { OperationMode = OperationMode.CentralSetpoint, Setpoint = -7_000, DischargeLimit = -9_000 }])])
            { TransactionId = "tx-1" }),
        ];
    }

    [Benchmark(Description = "10 Absolute x 1024 periods, 24 h")]
    public CompositeSchedule AbsoluteProfiles() => CompositeScheduleCalculator.Calculate(DayInWatts, _absolute, Evse, Transaction);

    [Benchmark(Description = "10 Recurring daily x 1024 periods, 24 h")]
    public CompositeSchedule RecurringProfiles() => CompositeScheduleCalculator.Calculate(DayInWatts, _recurring, Evse, Transaction);

    [Benchmark(Baseline = true, Description = "3 profiles (max, daily default, tx), 24 h")]
    public CompositeSchedule TypicalStation() => CompositeScheduleCalculator.Calculate(DayInWatts, _typical, Evse, Transaction);

    /// <summary>
    /// Profile <paramref name="index"/>: purposes and units mixed so every merge path runs; periods spaced so the
    /// 1024 of them span 24 h, each profile shifted by a few seconds so the change points do not coincide.
    /// </summary>
    private static InstalledChargingProfile Build(int index, ChargingProfileKind kind)
    {
        var (purpose, evseId) = (index % 5) switch
        {
            0 => (ChargingProfilePurpose.ChargingStationMaxProfile, 0),
            1 => (ChargingProfilePurpose.ChargingStationExternalConstraints, 1),
            2 => (ChargingProfilePurpose.TxProfile, 1),
            _ => (ChargingProfilePurpose.TxDefaultProfile, index % 2),
        };
        var unit = index % 2 == 0 ? ChargingRateUnit.A : ChargingRateUnit.W;
        var step = (Day / Periods) - 1;
        var periods = Enumerable.Range(0, Periods).Select(p => new ChargingSchedulePeriod(p * step)
        {
            Limit = unit == ChargingRateUnit.A ? 6 + ((p * 7 + index) % 26) : 4_000 + ((p * 131 + index * 17) % 18_000),
            DischargeLimit = purpose is ChargingProfilePurpose.TxProfile or ChargingProfilePurpose.TxDefaultProfile
                ? -(unit == ChargingRateUnit.A ? 1 + (p % 15) : 500.0 + (p * 37 % 10_000))
                : null,
            Setpoint = purpose is ChargingProfilePurpose.TxProfile or ChargingProfilePurpose.TxDefaultProfile
                ? (unit == ChargingRateUnit.A ? (p % 40) - 20 : (p * 53 % 20_000) - 10_000)
                : null,
            OperationMode = purpose is ChargingProfilePurpose.TxProfile or ChargingProfilePurpose.TxDefaultProfile
                ? OperationMode.CentralSetpoint
                : purpose == ChargingProfilePurpose.ChargingStationExternalConstraints ? OperationMode.ExternalLimits : null,
        });
        var schedule = new ChargingSchedule(1, unit, [.. periods])
        {
            StartSchedule = kind == ChargingProfileKind.Recurring ? Start.AddHours(-3).AddSeconds(index * 7) : Start.AddSeconds(index * 7),
        };
        return new InstalledChargingProfile(evseId, new ChargingProfile(index + 1, index, purpose, kind, [schedule])
        {
            RecurrencyKind = kind == ChargingProfileKind.Recurring ? RecurrencyKind.Daily : null,
            TransactionId = purpose == ChargingProfilePurpose.TxProfile ? "tx-1" : null,
        });
    }
}
