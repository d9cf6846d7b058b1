using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfileVerdict;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>One case per SetChargingProfile rule: a profile that breaks only that rule gets exactly that verdict.</summary>
public sealed class ChargingProfileValidatorTests
{
    private static readonly ChargingProfile Default = Absolute(10, TxDefaultProfile, 0, T0, A, P(0, 16), P(600, 10));
    private static readonly ChargingProfile TxOnEvse1 = Absolute(11, TxProfile, 0, T0, W, P(0, 7_000)) with { TransactionId = "tx-1" };

    private static ChargingProfile WithPeriod(ChargingProfile profile, ChargingSchedulePeriod period) =>
        profile.WithSchedule(s => s with { ChargingSchedulePeriod = [period] });

    public static TheoryData<string, int, ChargingProfile, ChargingProfileVerdict> Cases => new()
    {
        { "valid TxDefault on the station", 0, Default, Accepted },
        { "valid TxProfile for the running transaction", 1, TxOnEvse1, Accepted },
        { "valid discharge where V2X is on", 1, WithPeriod(TxOnEvse1, P(0, 7_000) with { OperationMode = OperationMode.CentralSetpoint, DischargeLimit = -5_000, Setpoint = -3_000 }), Accepted },
        { "undefined purpose value", 0, Default with { ChargingProfilePurpose = (ChargingProfilePurpose)42 }, UnknownEnumValue },
        { "EVSE that does not exist", 3, Default, UnknownEvse },
        { "K01.FR.22 external constraints from the CSMS", 0, Default with { ChargingProfilePurpose = ChargingStationExternalConstraints }, ExternalConstraintsNotSettable },
        { "K01.FR.120 LocalGeneration not supported", 0, Default with { ChargingProfilePurpose = LocalGeneration }, UnsupportedAdditionalPurpose },
        { "stack level above ProfileStackLevel", 0, Default with { StackLevel = 11 }, InvalidStackLevel },
        { "negative stack level", 0, Default with { StackLevel = -1 }, InvalidStackLevel },
        { "no schedule", 0, Default with { ChargingSchedule = [] }, InvalidScheduleCount },
        { "four schedules", 0, Default with { ChargingSchedule = [.. Enumerable.Repeat(Default.ChargingSchedule[0], 4)] }, InvalidScheduleCount },
        { "K01.FR.03 station max on an EVSE", 1, Default with { ChargingProfilePurpose = ChargingStationMaxProfile }, StationMaxNotOnStation },
        { "K01.FR.38 relative station max", 0, Relative(10, ChargingStationMaxProfile, 0, A, P(0, 16)), StationMaxRelative },
        { "K01.FR.16 TxProfile on evseId 0", 0, TxOnEvse1, TxProfileOnStation },
        { "TxProfile without transactionId", 1, TxOnEvse1 with { TransactionId = null }, TransactionIdMissing },
        { "transactionId on a TxDefaultProfile", 0, Default with { TransactionId = "tx-1" }, TransactionIdNotAllowed },
        { "K01.FR.09 TxProfile on an EVSE without transaction", 2, TxOnEvse1, TransactionNotFound },
        { "K01.FR.33 TxProfile for an unknown transaction", 1, TxOnEvse1 with { TransactionId = "tx-9" }, TransactionNotFound },
        { "Recurring without recurrencyKind", 0, Default with { ChargingProfileKind = ChargingProfileKind.Recurring }, RecurrencyKindMissing },
        { "recurrencyKind on an Absolute profile", 0, Default with { RecurrencyKind = RecurrencyKind.Daily }, RecurrencyKindNotAllowed },
        { "validTo before validFrom", 0, Default with { ValidFrom = T0, ValidTo = T0.AddSeconds(-1) }, EmptyValidity },
        { "K01.FR.40 Absolute without startSchedule", 0, Default.WithSchedule(s => s with { StartSchedule = null }), StartScheduleMissing },
        { "K01.FR.41 Relative with startSchedule", 0, Relative(10, TxDefaultProfile, 0, A, P(0, 16)).WithSchedule(s => s with { StartSchedule = T0 }), StartScheduleNotAllowed },
        { "K01.FR.26 unit not in RateUnit", 0, Default.WithSchedule(s => s with { ChargingRateUnit = (ChargingRateUnit)7 }), UnknownEnumValue },
        { "too many periods", 0, Default.WithSchedule(s => s with { ChargingSchedulePeriod = [.. Enumerable.Range(0, 9).Select(i => P(i * 60, 16))] }), TooManyPeriods },
        { "no periods", 0, Default.WithSchedule(s => s with { ChargingSchedulePeriod = [] }), FirstPeriodNotZero },
        { "K01.FR.31 first period not at 0", 0, Default.WithSchedule(s => s with { ChargingSchedulePeriod = [P(60, 16)] }), FirstPeriodNotZero },
        { "K01.FR.35 periods out of order", 0, Default.WithSchedule(s => s with { ChargingSchedulePeriod = [P(0, 16), P(600, 10), P(600, 8)] }), PeriodsNotIncreasing },
        { "Dynamic with two periods", 0, Default with { ChargingProfileKind = ChargingProfileKind.Dynamic }, DynamicNeedsSinglePeriod },
        { "negative duration", 0, Default.WithSchedule(s => s with { Duration = -5 }), InvalidDuration },
        { "daily recurrence longer than a day", 0, Recurring(10, TxDefaultProfile, 0, RecurrencyKind.Daily, T0, 86_401, A, P(0, 16)), InvalidDuration },
        { "K01.FR.95 randomizedDelay on station max", 0, Default.WithSchedule(s => s with { RandomizedDelay = 30 }) with { ChargingProfilePurpose = ChargingStationMaxProfile }, RandomizedDelayNotAllowed },
        { "randomizedDelay not supported", 0, Default.WithSchedule(s => s with { RandomizedDelay = 30 }), UnsupportedScheduleFeature },
        { "limitAtSoC not supported", 0, Default.WithSchedule(s => s with { LimitAtSoC = new LimitAtSoC(80, 10) }), UnsupportedScheduleFeature },
        { "K01.FR.71 PriorityCharging with a V2X mode", 1, WithPeriod(Default with { ChargingProfilePurpose = PriorityCharging }, P(0) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = 1_000 }), OperationModeNotAllowedForPurpose },
        { "station max with a V2X mode", 0, WithPeriod(Default with { ChargingProfilePurpose = ChargingStationMaxProfile }, P(0, 10) with { OperationMode = OperationMode.ExternalLimits }), OperationModeNotAllowedForPurpose },
        { "K01.FR.115 mode not in SupportedOperationModes", 1, WithPeriod(TxOnEvse1, P(0, 1_000) with { OperationMode = OperationMode.CentralFrequency, Setpoint = 0 }), OperationModeNotSupported },
        { "K01.FR.115 V2X mode on an EVSE without V2X", 2, WithPeriod(Default, P(0, 10) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = 5 }), OperationModeNotSupported },
        { "positive dischargeLimit", 1, WithPeriod(TxOnEvse1, P(0, 7_000) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = 10, DischargeLimit = 5 }), DischargeLimitPositive },
        { "negative limit without discharge capability", 2, WithPeriod(Default, P(0, -10)), DischargeNotSupported },
        { "negative dischargeLimit without discharge capability", 2, WithPeriod(Default, P(0, 10) with { DischargeLimit = -10 }), DischargeNotSupported },
        { "negative setpoint without discharge capability", 2, WithPeriod(Default, P(0, 10) with { Setpoint = -1 }), DischargeNotSupported },
        { "negative L2 setpoint without discharge capability", 2, WithPeriod(Default, P(0, 10) with { SetpointL2 = -1 }), DischargeNotSupported },
        { "discharge in ChargingOnly mode", 1, WithPeriod(TxOnEvse1, P(0, 7_000) with { DischargeLimit = -1_000 }), DischargeInChargingOnlyMode },
        { "ChargingOnly without limit", 0, WithPeriod(Default, P(0)), LimitMissing },
        { "CentralSetpoint without setpoint", 1, WithPeriod(TxOnEvse1, P(0, 7_000) with { OperationMode = OperationMode.CentralSetpoint }), SetpointMissing },
        { "Q08.FR.05 LocalFrequency in amps", 1, WithPeriod(TxOnEvse1, P(0) with { OperationMode = OperationMode.LocalFrequency }).WithSchedule(s => s with { ChargingRateUnit = A }), LocalFrequencyNeedsWatts },
        { "Q08.FR.02 LocalFrequency with one curve point", 1, WithPeriod(TxOnEvse1, P(0) with { OperationMode = OperationMode.LocalFrequency, V2xBaseline = 0, V2xFreqWattCurve = [new(50, 0)] }), LocalFrequencyNeedsCurve },
        { "curve of 21 points", 1, WithPeriod(TxOnEvse1, P(0, 7_000) with { V2xSignalWattCurve = [.. Enumerable.Range(0, 21).Select(i => new V2xSignalWattPoint(i, 0))] }), CurveTooLong },
        { "numberPhases 4", 0, WithPeriod(Default, P(0, 10) with { NumberPhases = 4 }), InvalidNumberPhases },
        { "K01.FR.19 phaseToUse with three phases", 2, WithPeriod(Default, P(0, 10) with { NumberPhases = 3, PhaseToUse = 2 }), PhaseToUseNotAllowed },
        { "K01.FR.48 phaseToUse without phase switching", 1, WithPeriod(TxOnEvse1, P(0, 10) with { NumberPhases = 1, PhaseToUse = 2 }), PhaseToUseNotAllowed },
        { "phaseToUse on one phase with phase switching", 2, WithPeriod(Default, P(0, 10) with { NumberPhases = 1, PhaseToUse = 2 }), Accepted },
        { "K01.FR.126 evseSleep not supported", 0, WithPeriod(Default, P(0, 10) with { EvseSleep = true }), EvseSleepUnsupported },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_rule_yields_its_own_verdict(string rule, int evseId, ChargingProfile profile, ChargingProfileVerdict expected)
    {
        var verdict = ChargingProfileValidator.Validate(evseId, profile, ValidationStation.Context, []);

        Assert.True(expected == verdict, $"{rule}: expected {expected}, got {verdict}");
    }

    [Fact]
    public void Dynamic_profiles_need_the_feature()
    {
        var dynamic = Default.WithSchedule(s => s with { ChargingSchedulePeriod = [P(0, 16)] }) with { ChargingProfileKind = ChargingProfileKind.Dynamic };
        var withoutFeature = ValidationStation.Context with { Settings = ValidationStation.Settings with { SupportsDynamicProfiles = false } };

        Assert.Equal(Accepted, ChargingProfileValidator.Validate(0, dynamic, ValidationStation.Context, []));
        Assert.Equal(DynamicProfilesUnsupported, ChargingProfileValidator.Validate(0, dynamic, withoutFeature, []));
    }

    [Fact]
    public void Unit_missing_from_RateUnit_is_rejected_K01_FR_26()
    {
        var ampsOnly = ValidationStation.Context with { Settings = ValidationStation.Settings with { RateUnits = [A] } };

        Assert.Equal(UnsupportedRateUnit, ChargingProfileValidator.Validate(1, TxOnEvse1, ampsOnly, []));
    }

    [Fact]
    public void Ids_up_to_MaxExternalConstraintsId_are_reserved_K01_FR_81()
    {
        var reserved = ValidationStation.Context with { Settings = ValidationStation.Settings with { MaxExternalConstraintsId = 100 } };

        Assert.Equal(IdReservedForExternalConstraints, ChargingProfileValidator.Validate(0, Default with { Id = 100 }, reserved, []));
        Assert.Equal(Accepted, ChargingProfileValidator.Validate(0, Default with { Id = 101 }, reserved, []));
    }

    [Fact]
    public void Same_purpose_and_stack_level_on_the_same_EVSE_clash_unless_validity_is_disjoint()
    {
        InstalledChargingProfile[] installed = [Default.On(0) with { Profile = Default with { ValidTo = T0.AddHours(1) } }];
        var other = Default with { Id = 12 };

        Assert.Equal(DuplicateStackLevel, ChargingProfileValidator.Validate(0, other, ValidationStation.Context, installed));
        Assert.Equal(Accepted, ChargingProfileValidator.Validate(0, other with { ValidFrom = T0.AddHours(1) }, ValidationStation.Context, installed));
        Assert.Equal(Accepted, ChargingProfileValidator.Validate(0, other with { StackLevel = 1 }, ValidationStation.Context, installed));
        Assert.Equal(Accepted, ChargingProfileValidator.Validate(1, other, ValidationStation.Context, installed));
    }

    [Fact]
    public void Two_TxProfiles_of_one_transaction_need_distinct_stack_levels_K01_FR_39()
    {
        InstalledChargingProfile[] installed = [TxOnEvse1.On(1)];

        Assert.Equal(DuplicateStackLevel, ChargingProfileValidator.Validate(1, TxOnEvse1 with { Id = 12 }, ValidationStation.Context, installed));
        Assert.Equal(Accepted, ChargingProfileValidator.Validate(1, TxOnEvse1 with { Id = 12, StackLevel = 1 }, ValidationStation.Context, installed));
    }

    [Fact]
    public void Same_id_replaces_but_never_an_external_constraints_profile()
    {
        var external = new InstalledChargingProfile(0, Default with { ChargingProfilePurpose = ChargingStationExternalConstraints }, "EMS");

        Assert.Equal(Accepted, ChargingProfileValidator.Validate(0, Default with { StackLevel = 3 }, ValidationStation.Context, [Default.On(0)]));
        Assert.Equal(ReplacesExternalConstraints, ChargingProfileValidator.Validate(0, Default, ValidationStation.Context, [external]));
    }

    [Fact]
    public void Capacity_counts_only_new_ids()
    {
        InstalledChargingProfile[] full = [.. Enumerable.Range(1, 4).Select(i => (Default with { Id = i, StackLevel = i }).On(0))];

        Assert.Equal(TooManyProfiles, ChargingProfileValidator.Validate(0, Default with { StackLevel = 9 }, ValidationStation.Context, full));
        Assert.Equal(Accepted, ChargingProfileValidator.Validate(0, Default with { Id = 2, StackLevel = 2 }, ValidationStation.Context, full));
    }
}
