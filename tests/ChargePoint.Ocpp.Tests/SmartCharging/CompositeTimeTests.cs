using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>Golden composite schedules worked by hand: recurrence, relative anchoring, validity, duration.</summary>
public sealed class CompositeTimeTests
{
    private static readonly DateTimeOffset Evening = new(2026, 3, 10, 20, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FirstNight = new(2026, 3, 1, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Daily_profile_from_22_00_covers_the_night_across_midnight()
    {
        // Night tariff: 10 A from 22:00, 32 A from 06:00 (28 800 s later). Evaluated 20:00 -> 08:00 (43 200 s):
        // 20:00-22:00 is the tail of yesterday's occurrence (32 A), 22:00-06:00 10 A, 06:00-08:00 32 A again.
        var night = Recurring(1, TxDefaultProfile, 0, RecurrencyKind.Daily, FirstNight, null, A, P(0, 10), P(28_800, 32));

        var schedule = Composite(Ac3Phase32A with { MaxChargeCurrent = 40 }, Evening, 43_200, A, null, night.On(0));

        Assert.Equal([(0, 32.0), (7_200, 10.0), (36_000, 32.0)], schedule.Limits());
        Assert.Equal(Evening, schedule.ScheduleStart);
        Assert.Equal(43_200, schedule.Duration);
    }

    [Fact]
    public void A_dynamic_profile_with_a_duration_lasts_that_long_after_its_last_update_K28_FR_13_14()
    {
        // Transaction from T0, a Dynamic TxProfile of 20 A valid 600 s, over a 10 A default. Asked at T0 + 1 500 s:
        // without an update it ended at T0 + 600 s; updated at T0 + 1 200 s it holds until T0 + 1 800 s.
        var tx = new ActiveTransaction("tx-1", T0);
        var dynamicProfile = new ChargingProfile(1, 0, TxProfile, ChargingProfileKind.Dynamic, [Schedule(A, P(0, 20)) with { Duration = 600 }]) { TransactionId = "tx-1" };
        var fallback = Absolute(2, TxDefaultProfile, 0, T0, A, P(0, 10)).On(1);
        var asked = T0.AddSeconds(1_500);

        var stale = Composite(Ac3Phase32A, asked, 1_200, A, tx, dynamicProfile.On(1), fallback);
        var updated = Composite(Ac3Phase32A, asked, 1_200, A, tx, (dynamicProfile with { DynUpdateTime = T0.AddSeconds(1_200) }).On(1), fallback);

        Assert.Equal([(0, 10.0)], stale.Limits());
        Assert.Equal([(0, 20.0), (300, 10.0)], updated.Limits());
    }

    [Fact]
    public void Daily_profile_with_a_duration_leaves_the_day_to_lower_stack_levels()
    {
        // 8 h of 10 A from 22:00 on stack 1 over a 16 A default on stack 0.
        var night = Recurring(1, TxDefaultProfile, 1, RecurrencyKind.Daily, FirstNight, 28_800, A, P(0, 10));
        var fallback = Absolute(2, TxDefaultProfile, 0, FirstNight, A, P(0, 16));

        var schedule = Composite(Ac3Phase32A, Evening, 43_200, A, null, night.On(0), fallback.On(0));

        Assert.Equal([(0, 16.0), (7_200, 10.0), (36_000, 16.0)], schedule.Limits());
    }

    [Fact]
    public void Weekly_profile_repeats_after_seven_days()
    {
        // Monday 2026-03-02 08:00, 2 h at 6 A. Evaluated a week later, Monday 2026-03-09 07:00 for 4 h:
        // 07:00-08:00 no profile (hardware 32 A), 08:00-10:00 6 A, 10:00-11:00 32 A.
        var monday = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var weekly = Recurring(1, TxDefaultProfile, 0, RecurrencyKind.Weekly, monday, 7_200, A, P(0, 6));

        var schedule = Composite(Ac3Phase32A, monday.AddDays(7).AddHours(-1), 14_400, A, null, weekly.On(1));

        Assert.Equal([(0, 32.0), (3_600, 6.0), (10_800, 32.0)], schedule.Limits());
    }

    [Fact]
    public void Relative_profile_counts_from_the_transaction_start()
    {
        // Transaction began 700 s before the window: at the window start the profile is 700 s in (20 A period),
        // the 8 A period starts at 1 200 s into the transaction, i.e. 500 s into the window.
        var profile = Relative(1, TxProfile, 0, A, P(0, 10), P(600, 20), P(1_200, 8)) with { TransactionId = "tx-1" };
        var tx = new ActiveTransaction("tx-1", T0.AddSeconds(-700));

        var schedule = Composite(Ac3Phase32A, T0, 1_200, A, tx, profile.On(1));

        Assert.Equal([(0, 20.0), (500, 8.0)], schedule.Limits());
    }

    [Fact]
    public void Relative_default_profile_without_transaction_is_anchored_at_the_requested_start()
    {
        var profile = Relative(1, TxDefaultProfile, 0, A, P(0, 10), P(600, 20), P(1_200, 8));

        var schedule = Composite(Ac3Phase32A, T0, 1_800, A, null, profile.On(0));

        Assert.Equal([(0, 10.0), (600, 20.0), (1_200, 8.0)], schedule.Limits());
    }

    [Fact]
    public void ValidFrom_and_validTo_clip_a_profile()
    {
        var clipped = Absolute(1, TxDefaultProfile, 1, T0.AddHours(-1), A, P(0, 10)) with
        {
            ValidFrom = T0.AddSeconds(600),
            ValidTo = T0.AddSeconds(1_200),
        };
        var fallback = Absolute(2, TxDefaultProfile, 0, T0.AddHours(-1), A, P(0, 16));

        var schedule = Composite(Ac3Phase32A, T0, 1_800, A, null, clipped.On(1), fallback.On(0));

        Assert.Equal([(0, 16.0), (600, 10.0), (1_200, 16.0)], schedule.Limits());
    }

    [Fact]
    public void Zero_duration_still_reports_the_period_in_force()
    {
        var max = Absolute(1, ChargingStationMaxProfile, 0, T0.AddHours(-1), A, P(0, 13));

        var schedule = Composite(Ac3Phase32A, T0, 0, A, null, max.On(0));

        Assert.Equal([(0, 13.0)], schedule.Limits());
    }

    [Fact]
    public void Schedule_start_is_floored_to_whole_seconds()
    {
        var schedule = Composite(Ac3Phase32A, T0.AddMilliseconds(750), 60, A, null);

        Assert.Equal(T0, schedule.ScheduleStart);
        Assert.Equal([(0, 32.0)], schedule.Limits());
    }

    [Fact]
    public void Max_offline_duration_ends_a_profile_while_offline()
    {
        // Offline since T0; the profile holds 300 s more, then the 16 A fallback applies.
        var offlineLimited = Absolute(1, TxDefaultProfile, 1, T0.AddHours(-1), A, P(0, 6)) with { MaxOfflineDuration = 300 };
        var fallback = Absolute(2, TxDefaultProfile, 0, T0.AddHours(-1), A, P(0, 16));
        var request = new CompositeScheduleRequest(T0, 900, 1, A) { OfflineSince = T0 };

        var schedule = CompositeScheduleCalculator.Calculate(request, [offlineLimited.On(1), fallback.On(1)], Ac3Phase32A, null);

        Assert.Equal([(0, 6.0), (300, 16.0)], schedule.Limits());
    }

    [Fact]
    public void Windows_beyond_the_maximum_are_refused_as_caller_bugs()
    {
        var daily = Recurring(1, TxDefaultProfile, 0, RecurrencyKind.Daily, FirstNight, null, A, P(0, 10));

        var month = Composite(Ac3Phase32A, Evening, CompositeScheduleCalculator.MaxDuration, A, null, daily.On(0));

        Assert.Single(month.ChargingSchedulePeriod);
        Assert.Throws<ArgumentOutOfRangeException>(() => Composite(Ac3Phase32A, Evening, CompositeScheduleCalculator.MaxDuration + 1, A, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Composite(Ac3Phase32A, Evening, -1, A, null));
    }
}
