using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>Golden composite schedules for precedence between stack levels and purposes, and the caps applied last.</summary>
public sealed class CompositePrecedenceTests
{
    private static readonly ActiveTransaction Tx1 = new("tx-1", T0.AddMinutes(-5));

    private static InstalledChargingProfile[] StackedDefaultsAndTxProfile() =>
    [
        // Station-wide default 16 A at stack 0; EVSE default 20 A then 12 A after an hour at stack 1;
        // the transaction's profile 6 A for an hour starting at +30 min.
        Absolute(1, TxDefaultProfile, 0, T0, A, P(0, 16)).On(0),
        Absolute(2, TxDefaultProfile, 1, T0, A, P(0, 20), P(3_600, 12)).On(1),
        (Absolute(3, TxProfile, 0, T0.AddSeconds(1_800), A, P(0, 6)).WithSchedule(s => s with { Duration = 3_600 })
            with { TransactionId = "tx-1" }).On(1),
    ];

    [Fact]
    public void TxProfile_overrides_the_stacked_defaults_while_it_runs()
    {
        var schedule = Composite(Ac3Phase32A, T0, 10_800, A, Tx1, StackedDefaultsAndTxProfile());

        Assert.Equal([(0, 20.0), (1_800, 6.0), (5_400, 12.0)], schedule.Limits());
    }

    [Fact]
    public void Without_the_transaction_only_the_defaults_count()
    {
        var schedule = Composite(Ac3Phase32A, T0, 10_800, A, null, StackedDefaultsAndTxProfile());

        Assert.Equal([(0, 20.0), (3_600, 12.0)], schedule.Limits());
    }

    [Fact]
    public void TxProfile_of_another_transaction_is_ignored()
    {
        var schedule = Composite(Ac3Phase32A, T0, 10_800, A, Tx1 with { TransactionId = "tx-2" }, StackedDefaultsAndTxProfile());

        Assert.Equal([(0, 20.0), (3_600, 12.0)], schedule.Limits());
    }

    [Fact]
    public void A_TxProfile_below_the_default_still_wins_because_purpose_beats_stack_level()
    {
        // TxProfile at stack 0 with a higher limit than the default at stack 5: the transaction's profile rules.
        var defaults = Absolute(1, TxDefaultProfile, 5, T0, A, P(0, 10)).On(1);
        var tx = (Absolute(2, TxProfile, 0, T0, A, P(0, 25)) with { TransactionId = "tx-1" }).On(1);

        var schedule = Composite(Ac3Phase32A, T0, 600, A, Tx1, defaults, tx);

        Assert.Equal([(0, 25.0)], schedule.Limits());
    }

    [Fact]
    public void Station_maximum_and_external_constraints_cap_the_transaction_last()
    {
        // Default 32 A; CSMax 16 A then 25 A after an hour; an external 20 A cap on the station.
        // 0-3600: min(32, 16, 20) = 16; then min(32, 25, 20) = 20.
        var profiles = new[]
        {
            Absolute(1, TxDefaultProfile, 0, T0, A, P(0, 32)).On(1),
            Absolute(2, ChargingStationMaxProfile, 0, T0, A, P(0, 16), P(3_600, 25)).On(0),
            Absolute(-3, ChargingStationExternalConstraints, 0, T0, A, P(0, 20)).On(0),
        };

        var schedule = Composite(Ac3Phase32A, T0, 7_200, A, null, profiles);

        Assert.Equal([(0, 16.0), (3_600, 20.0)], schedule.Limits());
    }

    [Fact]
    public void Station_maximum_caps_even_without_any_transaction_profile()
    {
        var max = Absolute(1, ChargingStationMaxProfile, 0, T0, ChargingRateUnit.W, P(0, 7_360)).On(0);

        var schedule = Composite(Ac3Phase32A, T0, 600, A, null, max);

        // 7 360 W over 3 phases at 230 V = 10.67 A per phase.
        Assert.Equal([(0, Math.Round(7_360.0 / 690, 6))], schedule.Limits());
    }

    [Fact]
    public void Station_maximum_on_an_EVSE_is_not_applied()
    {
        // K01.FR.03: ChargingStationMaxProfile exists only on evseId 0; the validator rejects others, the engine ignores them.
        var misplaced = Absolute(1, ChargingStationMaxProfile, 0, T0, A, P(0, 6)).On(1);

        var schedule = Composite(Ac3Phase32A, T0, 600, A, null, misplaced);

        Assert.Equal([(0, 32.0)], schedule.Limits());
    }

    [Fact]
    public void Local_generation_raises_the_station_maximum_but_not_the_hardware_limit()
    {
        var profiles = new[]
        {
            Absolute(1, ChargingStationMaxProfile, 0, T0, A, P(0, 10)).On(0),
            Absolute(2, LocalGeneration, 0, T0, A, P(0, 6), P(600, 30)).On(0),
        };

        var schedule = Composite(Ac3Phase32A, T0, 1_200, A, null, profiles);

        Assert.Equal([(0, 16.0), (600, 32.0)], schedule.Limits());
    }

    [Fact]
    public void Priority_charging_replaces_the_TxProfile_only_while_activated()
    {
        var tx = (Absolute(1, TxProfile, 0, T0, A, P(0, 6)) with { TransactionId = "tx-1" }).On(1);
        var priority = Absolute(2, PriorityCharging, 0, T0, A, P(0, 32)).On(1);

        var normal = Composite(Ac3Phase32A, T0, 600, A, Tx1, tx, priority);
        var boosted = Composite(Ac3Phase32A, T0, 600, A, Tx1 with { PriorityChargingActive = true }, tx, priority);

        Assert.Equal([(0, 6.0)], normal.Limits());
        Assert.Equal([(0, 32.0)], boosted.Limits());
    }

    [Fact]
    public void Profiles_of_other_EVSEs_are_ignored()
    {
        var other = Absolute(1, TxDefaultProfile, 0, T0, A, P(0, 6)).On(2);

        var schedule = Composite(Ac3Phase32A, T0, 600, A, null, other);

        Assert.Equal([(0, 32.0)], schedule.Limits());
    }

    [Fact]
    public void Idle_mode_transfers_nothing()
    {
        var idle = Absolute(1, TxDefaultProfile, 0, T0, A, P(0) with { OperationMode = OperationMode.Idle }).On(1);

        var period = Assert.Single(Composite(BidirectionalAc, T0, 600, A, null, idle).ChargingSchedulePeriod);

        Assert.Equal((0.0, 0.0, OperationMode.Idle), (period.Limit, period.DischargeLimit, period.OperationMode));
        Assert.Null(period.Setpoint);
    }

    [Fact]
    public void At_equal_stack_level_the_EVSE_specific_default_beats_the_station_wide_one()
    {
        var stationWide = Absolute(1, TxDefaultProfile, 2, T0, A, P(0, 10)).On(0);
        var evseSpecific = Absolute(2, TxDefaultProfile, 2, T0, A, P(0, 14)).On(1);

        Assert.Equal([(0, 14.0)], Composite(Ac3Phase32A, T0, 600, A, null, stationWide, evseSpecific).Limits());
    }

    [Fact]
    public void An_external_setpoint_closer_to_zero_overrides_the_central_one()
    {
        // Central setpoint -7 000 W; the external system's setpoint -2 000 W is the more restrictive one.
        var central = Absolute(1, TxDefaultProfile, 0, T0, W,
            P(0, 11_000) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = -7_000 }).On(1);
        var external = Absolute(-2, ChargingStationExternalConstraints, 0, T0, W,
            P(0, 22_000) with { OperationMode = OperationMode.ExternalSetpoint, Setpoint = -2_000 }).On(1);

        var period = Assert.Single(Composite(BidirectionalAc, T0, 600, W, null, central, external).ChargingSchedulePeriod);

        Assert.Equal(-2_000, period.Setpoint);
    }
}
