using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.TestUtilities;

public sealed class FakeTimeProviderTests
{
    [Fact]
    public void Timers_fire_in_due_order_only_when_time_reaches_them()
    {
        var time = new FakeTimeProvider();
        var fired = new List<string>();
        using var late = time.CreateTimer(_ => fired.Add("late"), null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        using var early = time.CreateTimer(_ => fired.Add("early"), null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(fired);

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["early", "late"], fired);
    }

    [Fact]
    public void A_periodic_timer_fires_once_per_period_and_sees_its_due_time()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var seen = new List<TimeSpan>();
        using var timer = time.CreateTimer(_ => seen.Add(time.GetUtcNow() - start), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        time.Advance(TimeSpan.FromSeconds(3.5));

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)], seen);
    }

    [Fact]
    public async Task Task_Delay_on_fake_time_completes_when_advanced()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(60), time);

        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(60));
        await delay.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(delay.IsCompletedSuccessfully);
    }

    [Fact]
    public void Disposed_and_changed_timers_stop_firing()
    {
        var time = new FakeTimeProvider();
        var count = 0;
        var timer = time.CreateTimer(_ => count++, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1));
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, count);

        timer.Change(TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        timer.Dispose();
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, count);
        Assert.Equal(0, time.ActiveTimerCount);
    }

    [Fact]
    public void Elapsed_time_follows_the_fake_clock()
    {
        var time = new FakeTimeProvider();
        var t0 = time.GetTimestamp();
        time.Advance(TimeSpan.FromMilliseconds(250));

        Assert.Equal(TimeSpan.FromMilliseconds(250), time.GetElapsedTime(t0));
        Assert.Throws<ArgumentOutOfRangeException>(() => time.SetUtcNow(time.GetUtcNow().AddTicks(-1)));
    }
}
