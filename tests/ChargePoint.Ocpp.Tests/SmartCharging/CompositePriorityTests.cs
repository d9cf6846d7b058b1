using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>
/// Golden composite schedules for priority charging (K21 remote, K22 local): while it is active for the transaction,
/// the PriorityCharging profile (ChargingOnly, K01.FR.111) replaces the TxProfile and TxDefaultProfile as the demand;
/// the caps (hardware, external constraints, ChargingStationMaxProfile) still hold, and outside the priority
/// profile's own periods the transaction's profiles apply again. Worked by hand in W on a bidirectional 3-phase EVSE
/// (22 080 W charge, 11 040 W discharge).
/// </summary>
public sealed class CompositePriorityTests
{
    private static readonly ActiveTransaction Normal = new("tx-1", T0.AddMinutes(-5));
    private static readonly ActiveTransaction Boosted = Normal with { PriorityChargingActive = true };

    private static InstalledChargingProfile DischargingTx() =>
        (Absolute(1, TxProfile, 0, T0, W, P(0, 22_000) with { DischargeLimit = -7_000, Setpoint = -5_000, OperationMode = OperationMode.CentralSetpoint })
            with { TransactionId = "tx-1" }).On(1);

    [Fact]
    public void Active_priority_charging_replaces_a_discharging_TxProfile_and_allows_no_discharge()
    {
        var priority = Absolute(2, PriorityCharging, 0, T0, W, P(0, 18_000)).On(1);

        var normal = Assert.Single(Composite(BidirectionalAc, T0, 3_600, W, Normal, DischargingTx(), priority).ChargingSchedulePeriod);
        var boosted = Assert.Single(Composite(BidirectionalAc, T0, 3_600, W, Boosted, DischargingTx(), priority).ChargingSchedulePeriod);

        Assert.Equal((22_000.0, -7_000.0, (double?)-5_000, OperationMode.CentralSetpoint), (normal.Limit, normal.DischargeLimit, normal.Setpoint, normal.OperationMode));
        Assert.Equal((18_000.0, 0.0, (double?)null, OperationMode.ChargingOnly), (boosted.Limit, boosted.DischargeLimit, boosted.Setpoint, boosted.OperationMode));
    }

    [Fact]
    public void Outside_its_periods_the_priority_profile_gives_way_to_the_transactions_profiles()
    {
        // Priority for the first 20 minutes only; then the TxProfile's discharge is back, then the TxDefault after
        // the TxProfile's hour.
        var tx = (Absolute(1, TxProfile, 0, T0, W, P(0, 22_000) with { DischargeLimit = -7_000, Setpoint = -5_000, OperationMode = OperationMode.CentralSetpoint })
            .WithSchedule(s => s with { Duration = 3_600 }) with { TransactionId = "tx-1" }).On(1);
        var txDefault = Absolute(3, TxDefaultProfile, 0, T0, W, P(0, 9_000)).On(0);
        var priority = Absolute(2, PriorityCharging, 0, T0, W, P(0, 16_000)).WithSchedule(s => s with { Duration = 1_200 }).On(1);

        var periods = Composite(BidirectionalAc, T0, 7_200, W, Boosted, tx, txDefault, priority).ChargingSchedulePeriod;

        (int, double, double, double?)[] expected = [(0, 16_000, 0, null), (1_200, 22_000, -7_000, -5_000), (3_600, 9_000, 0, null)];
        Assert.Equal(expected, periods.Select(p => (p.StartPeriod, p.Limit, p.DischargeLimit, p.Setpoint)));
    }

    [Fact]
    public void The_station_maximum_and_external_constraints_still_cap_priority_charging()
    {
        var priority = Absolute(2, PriorityCharging, 0, T0, W, P(0, 22_000)).On(1);
        var stationMax = Absolute(4, ChargingStationMaxProfile, 0, T0, W, P(0, 20_000), P(1_800, 12_000)).On(0);
        var external = Absolute(-1, ChargingStationExternalConstraints, 0, T0.AddSeconds(600), W, P(0, 15_000))
            .WithSchedule(s => s with { Duration = 600 }).On(1);

        var schedule = Composite(BidirectionalAc, T0, 3_600, W, Boosted, DischargingTx(), priority, stationMax, external);

        Assert.Equal([(0, 20_000.0), (600, 15_000.0), (1_200, 20_000.0), (1_800, 12_000.0)], schedule.Limits());
        Assert.All(schedule.ChargingSchedulePeriod, p => Assert.Equal(0, p.DischargeLimit));
    }

    [Fact]
    public void A_station_wide_priority_profile_applies_and_the_highest_stack_level_wins()
    {
        var stationWide = Absolute(2, PriorityCharging, 0, T0, A, P(0, 20)).On(0);
        var higher = Absolute(3, PriorityCharging, 1, T0.AddSeconds(900), A, P(0, 24)).WithSchedule(s => s with { Duration = 900 }).On(0);

        var schedule = Composite(BidirectionalAc, T0, 3_600, A, Boosted, DischargingTx(), stationWide, higher);

        Assert.Equal([(0, 20.0), (900, 24.0), (1_800, 20.0)], schedule.Limits());
    }

    [Fact]
    public void A_priority_profile_is_ignored_unless_priority_charging_is_active_for_the_transaction()
    {
        var priority = Absolute(2, PriorityCharging, 0, T0, W, P(0, 18_000)).On(1);
        var txDefault = Absolute(3, TxDefaultProfile, 0, T0, W, P(0, 9_000)).On(1);

        var idle = Assert.Single(Composite(BidirectionalAc, T0, 600, W, null, txDefault, priority).ChargingSchedulePeriod);
        var otherTransaction = Assert.Single(Composite(BidirectionalAc, T0, 600, W, new ActiveTransaction("tx-2", T0), DischargingTx(), txDefault, priority).ChargingSchedulePeriod);

        Assert.Equal(9_000, idle.Limit);
        Assert.Equal(9_000, otherTransaction.Limit);
    }
}
