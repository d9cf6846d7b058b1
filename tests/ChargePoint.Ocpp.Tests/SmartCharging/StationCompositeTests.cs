using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>Golden station-wide (evseId 0) composites: EVSE schedules summed, station caps applied last.</summary>
public sealed class StationCompositeTests
{
    private static readonly EvseCapabilities Connection = Ac3Phase32A with { MaxChargeCurrent = 63, MaxChargePower = 43_470 };

    private static StationEvse[] TwoEvses(EvseCapabilities evse, ActiveTransaction? first = null) =>
        [new StationEvse(1, evse, first), new StationEvse(2, evse)];

    private static CompositeSchedule Station(StationEvse[] evses, EvseCapabilities connection, ChargingRateUnit unit, params InstalledChargingProfile[] profiles) =>
        StationCompositeCalculator.Calculate(new CompositeScheduleRequest(T0, 3_600, 0, unit), profiles, evses, connection);

    [Fact]
    public void Station_default_on_two_EVSEs_sums_below_the_station_maximum()
    {
        // CSMax 32 A, TxDefault 10 A on evseId 0 and two EVSEs: 2 x 10 A = 20 A.
        var schedule = Station(TwoEvses(Ac3Phase32A), Connection, A,
            Absolute(1, ChargingStationMaxProfile, 0, T0, A, P(0, 32)).On(0),
            Absolute(2, TxDefaultProfile, 0, T0, A, P(0, 10)).On(0));

        Assert.Equal([(0, 20.0)], schedule.Limits());
        Assert.Equal(0, schedule.EvseId);
    }

    [Fact]
    public void The_sum_is_capped_by_the_station_maximum_and_the_grid_connection()
    {
        // 2 x 20 A = 40 A; CSMax 32 A for the first half hour, then 50 A, above the 40 A sum.
        var schedule = Station(TwoEvses(Ac3Phase32A), Connection, A,
            Absolute(1, ChargingStationMaxProfile, 0, T0, A, P(0, 32), P(1_800, 50)).On(0),
            Absolute(2, TxDefaultProfile, 0, T0, A, P(0, 20)).On(0));

        Assert.Equal([(0, 32.0), (1_800, 40.0)], schedule.Limits());
    }

    [Fact]
    public void An_EVSE_without_profiles_contributes_its_hardware_limit()
    {
        // EVSE 1 runs tx-1 at 6 A, EVSE 2 has no profile (32 A hardware): 38 A under a 63 A connection.
        var tx = (Absolute(1, TxProfile, 0, T0, A, P(0, 6)) with { TransactionId = "tx-1" }).On(1);

        var schedule = Station(TwoEvses(Ac3Phase32A, new ActiveTransaction("tx-1", T0)), Connection, A, tx);

        Assert.Equal([(0, 38.0)], schedule.Limits());
    }

    [Fact]
    public void Discharge_limits_sum_and_station_external_constraints_bound_them_setpoints_are_dropped()
    {
        // Two bidirectional EVSEs with dischargeLimit -5 000 W each: -10 000 W, bounded to -8 000 W by the
        // station's external constraints; the connection itself allows -20 000 W.
        var connection = BidirectionalAc with { MaxChargeCurrent = 63, MaxChargePower = 43_470, MaxDischargeCurrent = 32, MaxDischargePower = 20_000 };
        var schedule = Station(TwoEvses(BidirectionalAc), connection, W,
            Absolute(1, TxDefaultProfile, 0, T0, W,
                P(0, 7_000) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = -3_000, DischargeLimit = -5_000 }).On(0),
            Absolute(-2, ChargingStationExternalConstraints, 0, T0.AddSeconds(600), W,
                P(0, 40_000) with { OperationMode = OperationMode.ExternalLimits, DischargeLimit = -8_000 }).On(0));

        Assert.Equal(
            [(0, 14_000.0, -10_000.0), (600, 14_000.0, -8_000.0)],
            schedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit, p.DischargeLimit)));
        Assert.All(schedule.ChargingSchedulePeriod, p => Assert.Null(p.Setpoint));
        Assert.All(schedule.ChargingSchedulePeriod, p => Assert.Equal(OperationMode.CentralSetpoint, p.OperationMode));
    }

    [Fact]
    public void A_connection_that_cannot_export_stops_station_discharge()
    {
        var schedule = Station(TwoEvses(BidirectionalAc), Connection, W,
            Absolute(1, TxDefaultProfile, 0, T0, W, P(0, 7_000) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = -3_000 }).On(0));

        var period = Assert.Single(schedule.ChargingSchedulePeriod);
        Assert.Equal((14_000.0, 0.0), (period.Limit, period.DischargeLimit));
    }
}
