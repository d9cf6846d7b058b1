using System.Collections.Immutable;
using ChargePoint.Firmware.Energy;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Tests.V2g;

/// <summary>Scheduled mode: the composite schedule (W) as ISO 15118-20 charge and discharge power schedules.</summary>
public sealed class HlcScheduleBuilderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private static readonly PowerBounds Rating = new(50_000, 20_000, 125, 60);

    [Fact]
    public void Periods_become_charge_and_discharge_limits_capped_by_the_rating_then_the_rating_holds()
    {
        var composite = new CompositeSchedule(1, Start, 600, ChargingRateUnit.W, [
            new CompositePeriod { StartPeriod = 0, Limit = 80_000, DischargeLimit = 0 },
            new CompositePeriod { StartPeriod = 120, Limit = 30_000, DischargeLimit = -50_000 },
            new CompositePeriod { StartPeriod = 300, Limit = 30_000, DischargeLimit = -15_000, Setpoint = -15_000 },
        ]);

        var schedule = HlcScheduleBuilder.Build(composite, Start, TimeSpan.FromHours(1), Rating);

        Assert.Equal(Start, schedule.Start);
        Assert.Equal(
            [
                new(TimeSpan.FromSeconds(120), 50_000, 0),
                new(TimeSpan.FromSeconds(180), 30_000, 20_000),
                new(TimeSpan.FromSeconds(300), 0, 15_000), // a discharge setpoint allows no charging
                new(TimeSpan.FromSeconds(3000), 50_000, 20_000),
            ],
            schedule.Periods);
    }

    [Fact]
    public void Without_a_composite_schedule_the_rating_holds_for_the_horizon()
    {
        var schedule = HlcScheduleBuilder.Build(new CompositeSchedule(1, Start, 60, ChargingRateUnit.W, ImmutableArray<CompositePeriod>.Empty), Start, TimeSpan.FromHours(24), Rating);

        var period = Assert.Single(schedule.Periods);
        Assert.Equal((TimeSpan.FromHours(24), 50_000.0, 20_000.0), (period.Duration, period.ChargeLimitWatts, period.DischargeLimitWatts));
    }
}
