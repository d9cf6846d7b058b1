using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests.Linux.Gpio;

public sealed class GpioResidualCurrentMonitorTests
{
    private static readonly ResidualCurrentMonitorOptions Options = new() { TripLine = "RCD_TRIP_N", TestLine = "RCD_TEST" };

    private readonly FakeTimeProvider _time = new();
    private readonly FakeGpio _gpio;

    public GpioResidualCurrentMonitorTests() => _gpio = new FakeGpio(_time);

    [Fact]
    public void A_trip_latches_until_reset_and_reset_is_refused_while_the_cause_persists()
    {
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options, _time);
        Assert.False(rcd.IsTripped);

        _gpio["RCD_TRIP_N"].SetAsserted(true);
        Assert.True(rcd.IsTripped);
        Assert.False(rcd.Reset());

        _gpio["RCD_TRIP_N"].SetAsserted(false);
        Assert.True(rcd.IsTripped);
        Assert.True(rcd.Reset());
        Assert.False(rcd.IsTripped);
        Assert.True(double.IsNaN(rcd.ReadResidualCurrentMilliamperes()));
    }

    [Fact]
    public void A_trip_pulse_between_two_reads_is_caught_from_the_edge_queue()
    {
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options, _time);
        Assert.False(rcd.IsTripped);

        _gpio["RCD_TRIP_N"].Pulse();

        Assert.False(_gpio["RCD_TRIP_N"].IsAsserted);
        Assert.True(rcd.IsTripped);
    }

    [Fact]
    public void The_trip_line_is_active_low_by_default_so_a_cut_wire_reads_as_tripped()
    {
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options, _time);
        Assert.True(_gpio["RCD_TRIP_N"].ActiveLow);
        Assert.True(_gpio["RCD_TRIP_N"].PhysicalHigh);

        _gpio["RCD_TRIP_N"].SetPhysical(high: false);

        Assert.True(rcd.IsTripped);
    }

    [Fact]
    public void The_self_test_passes_when_the_module_trips_on_its_test_input_and_leaves_no_trip_behind()
    {
        _gpio["RCD_TEST"].OnWrite = asserted => _gpio["RCD_TRIP_N"].SetAsserted(asserted);
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options, _time);

        Assert.True(rcd.SupportsSelfTest);
        Assert.True(rcd.RunSelfTest());

        Assert.False(rcd.IsTripped);
        Assert.Contains(_gpio["RCD_TEST"].Writes, w => w.Asserted);
        Assert.False(_gpio["RCD_TEST"].IsAsserted);
    }

    [Fact]
    public void The_self_test_fails_within_its_timeout_when_the_module_does_not_trip()
    {
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options, _time);
        var start = _time.GetTimestamp();

        Assert.False(rcd.RunSelfTest());

        var took = _time.GetElapsedTime(start);
        Assert.InRange(took, Options.SelfTestTimeout, Options.SelfTestTimeout + TimeSpan.FromMilliseconds(20));
        Assert.False(_gpio["RCD_TEST"].IsAsserted);
    }

    [Fact]
    public void The_self_test_fails_when_the_module_trips_but_never_recovers()
    {
        _gpio["RCD_TEST"].OnWrite = asserted =>
        {
            if (asserted)
            {
                _gpio["RCD_TRIP_N"].SetAsserted(true);
            }
        };
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options, _time);

        Assert.False(rcd.RunSelfTest());
    }

    [Fact]
    public void A_latching_module_is_reset_with_a_pulse_of_the_configured_width()
    {
        var options = Options with { ResetLine = "RCD_RESET", ResetPulse = TimeSpan.FromMilliseconds(80) };
        _gpio["RCD_TEST"].OnWrite = asserted =>
        {
            if (asserted)
            {
                _gpio["RCD_TRIP_N"].SetAsserted(true);
            }
        };
        _gpio["RCD_RESET"].OnWrite = asserted =>
        {
            if (!asserted)
            {
                _gpio["RCD_TRIP_N"].SetAsserted(false);
            }
        };
        using var rcd = new GpioResidualCurrentMonitor(_gpio, options, _time);

        Assert.True(rcd.RunSelfTest());

        var writes = _gpio["RCD_RESET"].Writes;
        var on = writes.Single(w => w.Asserted);
        var off = writes[^1];
        Assert.False(off.Asserted);
        Assert.InRange(off.At - on.At, options.ResetPulse, options.ResetPulse + TimeSpan.FromMilliseconds(10));
        Assert.False(rcd.IsTripped);
    }

    [Fact]
    public void Without_a_test_line_the_self_test_reports_failure_and_says_it_is_unsupported()
    {
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options with { TestLine = "" }, _time);

        Assert.False(rcd.SupportsSelfTest);
        Assert.False(rcd.RunSelfTest());
    }

    [Fact]
    public void A_module_already_tripped_fails_the_self_test_and_stays_tripped()
    {
        _gpio["RCD_TRIP_N"].SetAsserted(true);
        using var rcd = new GpioResidualCurrentMonitor(_gpio, Options, _time);

        Assert.False(rcd.RunSelfTest());
        Assert.True(rcd.IsTripped);
    }
}
