using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>Golden composite schedules for A &lt;-&gt; W conversion and for discharge limits and setpoints.</summary>
public sealed class CompositeUnitAndDischargeTests
{
    [Fact]
    public void Watts_to_amps_on_three_phases_divides_by_690()
    {
        // 11 040 W / (230 V x 3) = 16 A per phase.
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W, P(0, 11_040)).On(1);

        Assert.Equal([(0, 16.0)], Composite(Ac3Phase32A, T0, 600, A, null, profile).Limits());
    }

    [Fact]
    public void Watts_to_amps_on_one_phase_divides_by_230_and_the_hardware_caps()
    {
        // 11 040 W on one phase = 48 A, above the 32 A hardware; 4 600 W = 20 A.
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W, P(0, 11_040) with { NumberPhases = 1 }, P(600, 4_600) with { NumberPhases = 1 }).On(1);

        var schedule = Composite(Ac3Phase32A, T0, 1_200, A, null, profile);

        Assert.Equal([(0, 32.0), (600, 20.0)], schedule.Limits());
        Assert.All(schedule.ChargingSchedulePeriod, p => Assert.Equal(1, p.NumberPhases));
    }

    [Fact]
    public void Amps_to_watts_multiplies_by_voltage_and_phases()
    {
        // 16 A x 230 V x 3 = 11 040 W; then 16 A on one phase = 3 680 W.
        var profile = Absolute(1, TxDefaultProfile, 0, T0, A, P(0, 16), P(600, 16) with { NumberPhases = 1 }).On(1);

        var schedule = Composite(Ac3Phase32A, T0, 1_200, W, null, profile);

        Assert.Equal([(0, 11_040.0), (600, 3_680.0)], schedule.Limits());
        Assert.Equal(W, schedule.ChargingRateUnit);
    }

    [Fact]
    public void A_single_phase_EVSE_converts_with_one_phase_even_when_the_profile_says_three()
    {
        var singlePhase = Ac3Phase32A with { SupplyPhases = 1, MaxChargePower = 7_360 };
        var profile = Absolute(1, TxDefaultProfile, 0, T0, A, P(0, 16) with { NumberPhases = 3 }).On(1);

        var period = Assert.Single(Composite(singlePhase, T0, 600, W, null, profile).ChargingSchedulePeriod);

        Assert.Equal((3_680.0, 1), (period.Limit, period.NumberPhases));
    }

    [Fact]
    public void DC_converts_with_the_nominal_DC_voltage_and_reports_no_phases()
    {
        var dc = new EvseCapabilities { IsDc = true, NominalVoltage = 400, MaxChargeCurrent = 200, MaxChargePower = 50_000 };
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W, P(0, 20_000)).On(1);

        var period = Assert.Single(Composite(dc, T0, 600, A, null, profile).ChargingSchedulePeriod);

        Assert.Equal(50.0, period.Limit);
        Assert.Null(period.NumberPhases);
    }

    [Fact]
    public void Discharge_periods_combine_bounds_and_clamp_setpoints()
    {
        // Bidirectional 3-phase EVSE: charge <= 22 080 W, discharge >= -11 040 W. Worked by hand:
        //   0-900    TxProfile CentralSetpoint limit 11 000, dischargeLimit -9 000, setpoint -7 000; CSMax 8 000
        //            -> limit min(22 080, 11 000, 8 000) = 8 000; discharge max(-11 040, -9 000) = -9 000; setpoint -7 000
        //   900-1800 setpoint -12 000 without dischargeLimit; an external ExternalLimits cap -6 000 / 20 000 starts
        //            -> limit min(22 080, 20 000, 8 000) = 8 000; discharge max(-11 040, -6 000) = -6 000; setpoint -> -6 000
        //   1800-    ChargingOnly limit 5 000 -> limit 5 000, discharge 0, no setpoint
        var tx = new ActiveTransaction("tx-1", T0);
        var txProfile = (Absolute(1, TxProfile, 0, T0, W,
            P(0, 11_000) with { OperationMode = OperationMode.CentralSetpoint, DischargeLimit = -9_000, Setpoint = -7_000 },
            P(900) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = -12_000 },
            P(1_800, 5_000)) with { TransactionId = "tx-1" }).On(1);
        var stationMax = Absolute(2, ChargingStationMaxProfile, 0, T0, W, P(0, 8_000)).On(0);
        var external = Absolute(-3, ChargingStationExternalConstraints, 0, T0.AddSeconds(900), W,
            P(0, 20_000) with { OperationMode = OperationMode.ExternalLimits, DischargeLimit = -6_000 }).On(1);

        var schedule = Composite(BidirectionalAc, T0, 2_700, W, tx, txProfile, stationMax, external);

        Assert.Equal(
            [
                (0, 8_000.0, -9_000.0, (double?)-7_000.0, OperationMode.CentralSetpoint),
                (900, 8_000.0, -6_000.0, -6_000.0, OperationMode.CentralSetpoint),
                (1_800, 5_000.0, 0.0, null, OperationMode.ChargingOnly),
            ],
            schedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit, p.DischargeLimit, p.Setpoint, p.OperationMode)));
    }

    [Fact]
    public void Without_discharge_capability_discharge_is_zero_and_setpoints_clamp_to_zero()
    {
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W,
            P(0, 11_000) with { OperationMode = OperationMode.CentralSetpoint, DischargeLimit = -9_000, Setpoint = -7_000 }).On(1);

        var period = Assert.Single(Composite(Ac3Phase32A, T0, 600, W, null, profile).ChargingSchedulePeriod);

        Assert.Equal((11_000.0, 0.0, (double?)0.0), (period.Limit, period.DischargeLimit, period.Setpoint));
    }

    [Fact]
    public void V2X_switched_off_blocks_discharge_on_capable_hardware()
    {
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W,
            P(0, 11_000) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = -7_000 }).On(1);

        var period = Assert.Single(Composite(BidirectionalAc with { V2xEnabled = false }, T0, 600, W, null, profile).ChargingSchedulePeriod);

        Assert.Equal((0.0, (double?)0.0), (period.DischargeLimit, period.Setpoint));
    }

    [Fact]
    public void Discharge_limit_in_amps_converts_like_the_limit()
    {
        // -6 900 W over 3 x 230 V = -10 A per phase; hardware discharge 16 A.
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W,
            P(0, 6_900) with { OperationMode = OperationMode.CentralSetpoint, DischargeLimit = -6_900, Setpoint = -3_450 }).On(1);

        var period = Assert.Single(Composite(BidirectionalAc, T0, 600, A, null, profile).ChargingSchedulePeriod);

        Assert.Equal((10.0, -10.0, (double?)-5.0), (period.Limit, period.DischargeLimit, period.Setpoint));
    }

    [Fact]
    public void A_legacy_negative_limit_is_read_as_a_discharge_limit()
    {
        // Schema text: a negative limit is only for backwards compatibility, meaning a discharge limit.
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W,
            P(0, -5_000) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = -8_000 }).On(1);

        var period = Assert.Single(Composite(BidirectionalAc, T0, 600, W, null, profile).ChargingSchedulePeriod);

        Assert.Equal((0.0, -5_000.0, (double?)-5_000.0), (period.Limit, period.DischargeLimit, period.Setpoint));
    }

    [Fact]
    public void V2X_curves_and_baseline_of_the_winning_period_reach_the_composite()
    {
        var curve = Arr(new V2xSignalWattPoint(-100, -5_000), new V2xSignalWattPoint(100, 5_000));
        var profile = Absolute(1, TxDefaultProfile, 0, T0, W,
            P(0) with { OperationMode = OperationMode.LocalLoadBalancing, V2xBaseline = 1_000, V2xSignalWattCurve = curve }).On(1);

        var period = Assert.Single(Composite(BidirectionalAc, T0, 600, W, null, profile).ChargingSchedulePeriod);

        Assert.Equal(1_000, period.V2xBaseline);
        Assert.Equal(curve, period.V2xSignalWattCurve);
        Assert.Equal((22_080.0, -11_040.0), (period.Limit, period.DischargeLimit));
    }
}
