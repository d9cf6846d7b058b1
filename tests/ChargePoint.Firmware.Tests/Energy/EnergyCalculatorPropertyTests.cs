using ChargePoint.Firmware.Energy;
using FsCheck;
using FsCheck.Fluent;

namespace ChargePoint.Firmware.Tests.Energy;

/// <summary>Properties of the energy decision over random inputs (some bounds missing, some garbage).</summary>
public sealed class EnergyCalculatorPropertyTests
{
    private const double Tolerance = 1e-6;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly Gen<double?> Bound = Gen.Frequency(
        (1, Gen.Constant<double?>(null)),
        (1, Gen.Constant<double?>(0)),
        (6, Gen.Choose(0, 200_000).Select(v => (double?)v)));

    private static readonly Gen<PowerBounds> Bounds =
        from cw in Bound
        from dw in Bound
        from ca in Bound
        from da in Bound
        select new PowerBounds(cw, dw, ca is { } c ? c / 500 : null, da is { } d ? d / 500 : null);

    private static readonly Arbitrary<EnergyInputs> Inputs = (
        from ev in Bounds
        from evse in Bounds
        from module in Bounds
        from cable in Bound
        from volts in Gen.Choose(0, 1000)
        from hasSchedule in Gen.Elements(true, false)
        from limit in Gen.Choose(0, 100_000)
        from discharge in Gen.Choose(0, 100_000)
        from setpoint in Gen.Choose(-150_000, 150_000)
        from hasSetpoint in Gen.Elements(true, false)
        from evTarget in Gen.Choose(-150_000, 150_000)
        select new EnergyInputs
        {
            Ev = ev,
            Evse = evse,
            PowerModule = module,
            CableAmperes = cable is { } c ? c / 500 : null,
            PresentVoltageVolts = volts,
            Schedule = hasSchedule ? new ScheduleLimit(limit, discharge, hasSetpoint ? setpoint : null) : null,
            EvTargetWatts = evTarget,
        }).ToArbitrary();

    // A current bound is comparable with power only at a known voltage (the module enforces it otherwise).
    private static IEnumerable<double> ChargeWattBounds(EnergyInputs i) =>
        new[] { i.Schedule?.ChargeWatts, i.Ev.MaxChargeWatts, i.Evse.MaxChargeWatts, i.PowerModule.MaxChargeWatts }
            .Concat(new[] { i.Ev.MaxChargeAmperes, i.Evse.MaxChargeAmperes, i.PowerModule.MaxChargeAmperes, i.CableAmperes }
                .Where(_ => i.PresentVoltageVolts > 0).Select(a => a * i.PresentVoltageVolts))
            .Where(b => b is not null).Select(b => b!.Value);

    private static IEnumerable<double> DischargeWattBounds(EnergyInputs i) =>
        new[] { i.Schedule?.DischargeWatts, i.Ev.MaxDischargeWatts, i.Evse.MaxDischargeWatts, i.PowerModule.MaxDischargeWatts }
            .Concat(new[] { i.Ev.MaxDischargeAmperes, i.Evse.MaxDischargeAmperes, i.PowerModule.MaxDischargeAmperes, i.CableAmperes }
                .Where(_ => i.PresentVoltageVolts > 0).Select(a => a * i.PresentVoltageVolts))
            .Where(b => b is not null).Select(b => b!.Value);

    [Fact]
    public void Limits_never_exceed_any_applicable_bound_and_equal_the_lowest()
    {
        Check.One(Runs, Prop.ForAll(Inputs, inputs =>
        {
            var d = EnergyCalculator.Decide(inputs);
            var charge = ChargeWattBounds(inputs).ToList();
            var discharge = DischargeWattBounds(inputs).ToList();
            Assert.All(charge, b => Assert.True(d.ChargeLimitWatts <= b + Tolerance, $"charge {d.ChargeLimitWatts} > {b}"));
            Assert.All(discharge, b => Assert.True(d.DischargeLimitWatts <= b + Tolerance, $"discharge {d.DischargeLimitWatts} > {b}"));
            Assert.Equal(charge.Count == 0 ? 0 : charge.Min(), d.ChargeLimitWatts, Tolerance);
            Assert.Equal(discharge.Count == 0 ? 0 : discharge.Min(), d.DischargeLimitWatts, Tolerance);
        }));
    }

    [Fact]
    public void Setpoint_stays_inside_the_discharge_and_charge_limits()
    {
        Check.One(Runs, Prop.ForAll(Inputs, inputs =>
        {
            var d = EnergyCalculator.Decide(inputs);
            Assert.InRange(d.SetpointWatts, -d.DischargeLimitWatts - Tolerance, d.ChargeLimitWatts + Tolerance);
            Assert.True(d.ChargeLimitWatts >= 0 && d.DischargeLimitWatts >= 0);
        }));
    }

    [Fact]
    public void Tightening_any_input_never_raises_a_limit()
    {
        Check.One(Runs, Prop.ForAll(Inputs, Gen.Choose(0, 50_000).ToArbitrary(), (inputs, cap) =>
        {
            var before = EnergyCalculator.Decide(inputs);
            var tighter = inputs with { Ev = inputs.Ev with { MaxChargeWatts = Math.Min(inputs.Ev.MaxChargeWatts ?? double.MaxValue, cap), MaxDischargeWatts = Math.Min(inputs.Ev.MaxDischargeWatts ?? double.MaxValue, cap) } };
            var after = EnergyCalculator.Decide(tighter);
            Assert.True(after.ChargeLimitWatts <= before.ChargeLimitWatts + Tolerance);
            Assert.True(after.DischargeLimitWatts <= before.DischargeLimitWatts + Tolerance);
        }));
    }
}
