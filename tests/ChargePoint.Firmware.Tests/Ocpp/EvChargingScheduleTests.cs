using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Firmware.Tests.Ocpp;

/// <summary>The EV's ISO 15118-20 power profile as NotifyEVChargingSchedule's chargingSchedule (K18).</summary>
public sealed class EvChargingScheduleTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Entries_become_periods_in_W_and_discharge_becomes_a_negative_discharge_limit()
    {
        var profile = new HlcEvPowerProfile(Anchor, 2, true,
        [
            new HlcPowerProfileEntry(TimeSpan.FromMinutes(10), 11_000),
            new HlcPowerProfileEntry(TimeSpan.FromMinutes(5), 11_000),
            new HlcPowerProfileEntry(TimeSpan.FromMinutes(20), -7_000),
            new HlcPowerProfileEntry(TimeSpan.FromMinutes(30), 0),
        ]);

        var schedule = EvChargingSchedule.From(profile, 2);

        Assert.Equal((2, ChargingRateUnitEnumType.W, (int?)3_900), (schedule.Id, schedule.ChargingRateUnit, schedule.Duration));
        Assert.Equal(
            [(0, 11_000.0, (double?)null), (900, 0.0, -7_000.0), (2_100, 0.0, null)],
            schedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit!.Value, p.DischargeLimit)));
        var request = new NotifyEVChargingScheduleRequest { EvseId = 1, TimeBase = Anchor, ChargingSchedule = schedule, SelectedChargingScheduleId = 2 };
        Assert.True(OcppPayloadCodec.Check(request).IsValid, OcppPayloadCodec.Check(request).ToString());
    }

    [Fact]
    public void A_profile_longer_than_the_schema_allows_is_cut_at_1024_periods_and_its_duration_says_so()
    {
        var entries = Enumerable.Range(0, 2_048).Select(i => new HlcPowerProfileEntry(TimeSpan.FromSeconds(10), i % 2 == 0 ? 5_000 : -5_000)).ToList();

        var schedule = EvChargingSchedule.From(new HlcEvPowerProfile(Anchor, null, null, entries), 1);

        Assert.Equal(EvChargingSchedule.MaxPeriods, schedule.ChargingSchedulePeriod.Count);
        Assert.Equal(10_240, schedule.Duration);
        Assert.Equal(10_230, schedule.ChargingSchedulePeriod[^1].StartPeriod);
        Assert.True(OcppPayloadCodec.Check(new NotifyEVChargingScheduleRequest { EvseId = 1, TimeBase = Anchor, ChargingSchedule = schedule }).IsValid);
    }

    [Fact]
    public void An_empty_profile_still_gives_the_one_period_the_schema_requires()
    {
        var schedule = EvChargingSchedule.From(new HlcEvPowerProfile(Anchor, 1, null, []), 1);

        Assert.Equal(0, Assert.Single(schedule.ChargingSchedulePeriod).Limit);
    }
}
