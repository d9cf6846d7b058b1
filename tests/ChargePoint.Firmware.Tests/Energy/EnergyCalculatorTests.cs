using ChargePoint.Firmware.Energy;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Tests.Energy;

public sealed class EnergyCalculatorTests
{
    private static readonly EnergyInputs Station = new()
    {
        Evse = new PowerBounds(50_000, 30_000, 125, 100),
        PowerModule = new PowerBounds(60_000, 60_000, 200, 200),
        CableAmperes = 150,
        PresentVoltageVolts = 400,
        Ev = new PowerBounds(80_000, 11_000, 200, 30),
    };

    [Fact]
    public void Charge_and_discharge_are_limited_separately_by_their_lowest_bound()
    {
        var decision = EnergyCalculator.Decide(Station);

        Assert.Equal(50_000, decision.ChargeLimitWatts);
        Assert.Equal(LimitSource.Evse, decision.ChargeLimitedBy);

        // EV discharge: 11 kW by power, 30 A × 400 V = 12 kW by current; power wins.
        Assert.Equal(11_000, decision.DischargeLimitWatts);
        Assert.Equal(LimitSource.Ev, decision.DischargeLimitedBy);
        Assert.Equal(30, decision.DischargeCurrentLimitAmperes);
    }

    [Fact]
    public void The_decision_carries_the_operation_mode_of_the_composite_period_in_force()
    {
        var start = new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero);
        var composite = new CompositeSchedule(1, start, 3600, ChargingRateUnit.W,
        [
            new CompositePeriod { StartPeriod = 0, Limit = 20_000, DischargeLimit = -8_000, Setpoint = 5_000, OperationMode = OperationMode.ExternalLimits },
            new CompositePeriod { StartPeriod = 600, Limit = 20_000, DischargeLimit = -8_000, Setpoint = -6_000, OperationMode = OperationMode.CentralSetpoint },
        ]);

        var early = EnergyCalculator.Decide(Station with { Schedule = ScheduleLimitReader.At(composite, start.AddSeconds(10), 400) });
        var late = EnergyCalculator.Decide(Station with { Schedule = ScheduleLimitReader.At(composite, start.AddSeconds(700), 400) });
        var none = EnergyCalculator.Decide(Station);

        // A charging ExternalLimits period keeps its mode, a discharging CentralSetpoint period its own: the mode is
        // the period's, never inferred from the flow's sign.
        Assert.Equal((OperationMode.ExternalLimits, 5_000.0), (early.OperationMode, early.SetpointWatts));
        Assert.Equal((OperationMode.CentralSetpoint, -6_000.0), (late.OperationMode, late.SetpointWatts));
        Assert.Equal(OperationMode.ChargingOnly, none.OperationMode);
    }

    [Fact]
    public void Cable_ampacity_limits_power_at_the_present_voltage()
    {
        var decision = EnergyCalculator.Decide(Station with { CableAmperes = 80 });

        Assert.Equal(32_000, decision.ChargeLimitWatts);
        Assert.Equal(LimitSource.Cable, decision.ChargeLimitedBy);
        Assert.Equal(80, decision.ChargeCurrentLimitAmperes);
    }

    [Fact]
    public void A_negative_schedule_setpoint_discharges_within_the_discharge_limit()
    {
        var decision = EnergyCalculator.Decide(Station with { Schedule = new ScheduleLimit(20_000, 25_000, -15_000) });

        // The schedule asks for 15 kW back but the EV gives at most 11 kW.
        Assert.Equal(-11_000, decision.SetpointWatts);
        Assert.True(decision.IsDischarging);
        Assert.Equal(20_000, decision.ChargeLimitWatts);
        Assert.Equal(LimitSource.Schedule, decision.ChargeLimitedBy);
    }

    [Fact]
    public void Without_a_setpoint_the_station_follows_the_ev_target_inside_the_limits()
    {
        Assert.Equal(7_000, EnergyCalculator.Decide(Station with { EvTargetWatts = 7_000 }).SetpointWatts);
        Assert.Equal(50_000, EnergyCalculator.Decide(Station with { EvTargetWatts = 90_000 }).SetpointWatts);
        Assert.Equal(50_000, EnergyCalculator.Decide(Station).SetpointWatts);
    }

    [Fact]
    public void A_station_without_discharge_rating_never_discharges()
    {
        var decision = EnergyCalculator.Decide(Station with
        {
            Evse = Station.Evse.WithoutDischarge(),
            Schedule = new ScheduleLimit(10_000, 10_000, -5_000),
        });

        Assert.Equal(0, decision.DischargeLimitWatts);
        Assert.Equal(0, decision.SetpointWatts);
    }

    [Fact]
    public void Bad_numbers_never_allow_more_energy()
    {
        var decision = EnergyCalculator.Decide(Station with { Ev = new PowerBounds(double.NaN, -5, null, null) });

        Assert.Equal(0, decision.ChargeLimitWatts);
        Assert.Equal(0, decision.DischargeLimitWatts);
        Assert.Equal(0, decision.SetpointWatts);
    }

    [Fact]
    public void No_bound_at_all_means_no_transfer()
    {
        var decision = EnergyCalculator.Decide(new EnergyInputs());

        Assert.Equal(EnergyDecision.Zero, decision);
    }

    [Fact]
    public void The_manager_reports_only_changed_decisions()
    {
        var manager = new EnergyManager(Station);
        var seen = new List<EnergyDecision>();
        manager.DecisionChanged += seen.Add;

        manager.Update(i => i with { PresentVoltageVolts = 400 });
        manager.Update(i => i with { Schedule = new ScheduleLimit(10_000, 10_000, -4_000) });

        var only = Assert.Single(seen);
        Assert.Equal(-4_000, only.SetpointWatts);
        Assert.Equal(only, manager.Decision);
    }
}
