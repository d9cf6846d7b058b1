using ChargePoint.Ocpp.SmartCharging;
using FsCheck;
using FsCheck.Fluent;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>
/// Properties of the composite over random profile sets, checked at every 300 s grid point of the window
/// (all inputs change only on that grid, so this is every piece of the result).
/// </summary>
public sealed class CompositePropertyTests
{
    private const double Tolerance = 1e-9;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static CompositeSchedule Calculate(CompositeScenario scenario) => CompositeScheduleCalculator.Calculate(
        new CompositeScheduleRequest(Profiles.T0, scenario.Duration, 1, scenario.Unit), scenario.Installed, scenario.Evse, scenario.Transaction);

    private static IEnumerable<(DateTimeOffset Instant, CompositePeriod Period)> GridPoints(CompositeScenario scenario, CompositeSchedule schedule)
    {
        for (var s = 0; s < Math.Max(1, scenario.Duration); s += CompositeScenario.Grid)
        {
            yield return (Profiles.T0.AddSeconds(s), schedule.ChargingSchedulePeriod.Last(p => p.StartPeriod <= s));
        }
    }

    /// <summary>Runs <paramref name="check"/> at every grid point of many random scenarios, with the reference model.</summary>
    private static void ForEveryGridPoint(Action<CompositeScenario, DateTimeOffset, CompositePeriod, ReferenceComposite.Instant> check) =>
        Check.One(Runs, Prop.ForAll(CompositeScenario.Arbitrary, scenario =>
        {
            var schedule = Calculate(scenario);
            foreach (var (instant, period) in GridPoints(scenario, schedule))
            {
                check(scenario, instant, period, ReferenceComposite.At(scenario, Profiles.T0, instant));
            }
        }));

    [Fact]
    public void Limit_never_exceeds_any_applicable_maximum_and_equals_the_lowest() =>
        ForEveryGridPoint((_, instant, period, reference) =>
        {
            Assert.All(reference.ChargeMaxima, max => Assert.True(period.Limit <= max + Tolerance, $"{period.Limit} > {max} at {instant}"));
            Assert.Equal(reference.ExpectedLimit, period.Limit, Tolerance);
            Assert.Equal(reference.Mode, period.OperationMode);
        });

    [Fact]
    public void DischargeLimit_is_never_below_any_applicable_discharge_bound() =>
        ForEveryGridPoint((scenario, instant, period, reference) =>
        {
            Assert.All(reference.DischargeBounds, bound => Assert.True(period.DischargeLimit >= bound - Tolerance, $"{period.DischargeLimit} < {bound} at {instant}"));
            Assert.Equal(reference.ExpectedDischargeLimit, period.DischargeLimit, Tolerance);
            Assert.True(period.DischargeLimit <= 0);
            if (!scenario.Evse.CanDischarge)
            {
                Assert.Equal(0, period.DischargeLimit);
            }
        });

    [Fact]
    public void Setpoints_stay_inside_the_discharge_limit_and_the_limit()
    {
        Check.One(Runs, Prop.ForAll(CompositeScenario.Arbitrary, scenario =>
        {
            foreach (var period in Calculate(scenario).ChargingSchedulePeriod)
            {
                Assert.True(period.DischargeLimit <= period.Limit);
                if (period.Setpoint is { } setpoint)
                {
                    Assert.InRange(setpoint, period.DischargeLimit, period.Limit);
                }
            }
        }));
    }

    [Fact]
    public void Periods_are_contiguous_from_zero_and_cover_the_duration()
    {
        Check.One(Runs, Prop.ForAll(CompositeScenario.Arbitrary, scenario =>
        {
            var schedule = Calculate(scenario);
            var periods = schedule.ChargingSchedulePeriod;

            Assert.Equal(scenario.Duration, schedule.Duration);
            Assert.Equal(0, periods[0].StartPeriod);
            for (var i = 1; i < periods.Length; i++)
            {
                Assert.True(periods[i].StartPeriod > periods[i - 1].StartPeriod);
                Assert.True(periods[i].StartPeriod < Math.Max(1, scenario.Duration), "a period starts after the window");
                Assert.NotEqual(periods[i - 1] with { StartPeriod = 0 }, periods[i] with { StartPeriod = 0 });
            }
        }));
    }

    /// <summary>
    /// Single-phase EVSEs, so station and EVSE schedules convert A and W alike, and no EVSE-specific
    /// LocalGeneration, which raises only that EVSE's schedule (see <see cref="StationCompositeCalculator"/>).
    /// </summary>
    [Fact]
    public void Station_schedule_never_exceeds_the_sum_of_its_EVSEs_nor_the_connection()
    {
        var singlePhase = CompositeScenario.Arbitrary.Convert(
            s => s with
            {
                Evse = s.Evse with { SupplyPhases = 1, MaxChargePower = s.Evse.MaxChargeCurrent * 230, MaxDischargePower = s.Evse.MaxDischargeCurrent * 230 },
                Installed = [.. s.Installed.Where(p => p.EvseId == 0 || p.Profile.ChargingProfilePurpose != ChargingProfilePurpose.LocalGeneration)],
            },
            s => s);
        Check.One(Runs, Prop.ForAll(singlePhase, scenario =>
        {
            var request = new CompositeScheduleRequest(Profiles.T0, scenario.Duration, 0, scenario.Unit);
            var evses = new[] { new StationEvse(1, scenario.Evse, scenario.Transaction), new StationEvse(2, scenario.Evse) };
            var connection = scenario.Evse with { MaxChargeCurrent = 1.5 * scenario.Evse.MaxChargeCurrent, MaxChargePower = 1.5 * scenario.Evse.MaxChargePower };
            var station = StationCompositeCalculator.Calculate(request, scenario.Installed, evses, connection);
            var perEvse = evses.Select(e => CompositeScheduleCalculator.Calculate(
                request with { EvseId = e.EvseId }, scenario.Installed, e.Capabilities, e.Transaction)).ToArray();
            var connectionMax = scenario.Unit == ChargingRateUnit.A ? connection.MaxChargeCurrent : connection.MaxChargePower;

            foreach (var (instant, period) in GridPoints(scenario, station))
            {
                var second = (int)(instant - Profiles.T0).TotalSeconds;
                var evsePeriods = perEvse.Select(s => s.ChargingSchedulePeriod.Last(p => p.StartPeriod <= second)).ToArray();
                Assert.True(period.Limit <= evsePeriods.Sum(p => p.Limit) + Tolerance, $"{period.Limit} above the EVSE sum at {second}");
                Assert.True(period.Limit <= connectionMax + Tolerance);
                Assert.True(period.DischargeLimit >= evsePeriods.Sum(p => p.DischargeLimit) - Tolerance);
                Assert.InRange(period.DischargeLimit, double.MinValue, 0);
                Assert.Null(period.Setpoint);
            }
        }));
    }
}
