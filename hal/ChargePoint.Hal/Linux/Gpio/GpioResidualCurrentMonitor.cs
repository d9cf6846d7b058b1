using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>
/// A residual current monitor module signalling trips on a GPIO input, with an optional test input and reset input
/// (<see cref="ResidualCurrentMonitorOptions"/>). A trip latches: from the line level, and from queued edge events
/// drained at every read, so a trip pulse shorter than the safety poll period is still seen. The module only
/// reports whether its threshold was exceeded, so the residual current itself reads as NaN.
/// </summary>
public sealed class GpioResidualCurrentMonitor : IResidualCurrentMonitor, IDisposable
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(10);

    private readonly Lock _gate = new();
    private readonly IGpioInput _trip;
    private readonly IGpioOutput? _test;
    private readonly IGpioOutput? _reset;
    private readonly ResidualCurrentMonitorOptions _options;
    private readonly TimeProvider _time;
    private bool _latched;
    private bool _selfTesting;

    public GpioResidualCurrentMonitor(IGpioLineSource gpio, ResidualCurrentMonitorOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        _time = time;
        _trip = gpio.OpenInput(options.TripLine, "chargepoint-rcd-trip", TimeSpan.FromMilliseconds(1), options.TripActiveLow);
        try
        {
            _test = string.IsNullOrWhiteSpace(options.TestLine) ? null : gpio.OpenOutput(options.TestLine, "chargepoint-rcd-test", false, options.TestActiveLow);
            _reset = string.IsNullOrWhiteSpace(options.ResetLine) ? null : gpio.OpenOutput(options.ResetLine, "chargepoint-rcd-reset", false, options.ResetActiveLow);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Latched trip. Reads during a self test ignore the trip the test itself causes.</summary>
    public bool IsTripped
    {
        get
        {
            lock (_gate)
            {
                if (_selfTesting)
                {
                    return _latched;
                }

                DrainEdges();
                _latched |= _trip.Read();
                return _latched;
            }
        }
    }

    public bool SupportsSelfTest => _test is not null;

    public double ReadResidualCurrentMilliamperes() => double.NaN;

    /// <summary>Asserts the test input and expects a trip within <see cref="ResidualCurrentMonitorOptions.SelfTestTimeout"/>,
    /// then releases it (pulsing reset for a latching module) and expects the trip to clear as fast. Run it with the
    /// power path open: a real trip during the test is reported as a failed test, not as a trip.</summary>
    public bool RunSelfTest()
    {
        if (_test is null)
        {
            return false;
        }

        lock (_gate)
        {
            DrainEdges();
            if (_latched || _trip.Read())
            {
                _latched = true;
                return false;
            }

            _selfTesting = true;
            try
            {
                _test.Write(true);
                var tripped = WaitForLevel(asserted: true);
                _test.Write(false);
                PulseReset();
                var recovered = WaitForLevel(asserted: false);
                DrainEdges(discard: true);
                return tripped && recovered;
            }
            finally
            {
                _test.Write(false);
                _selfTesting = false;
            }
        }
    }

    public bool Reset()
    {
        lock (_gate)
        {
            PulseReset();
            DrainEdges(discard: true);
            if (_trip.Read())
            {
                _latched = true;
                return false;
            }

            _latched = false;
            return true;
        }
    }

    public void Dispose()
    {
        _reset?.Dispose();
        _test?.Dispose();
        _trip?.Dispose();
    }

    private void DrainEdges(bool discard = false)
    {
        while (_trip.WaitForEdge(TimeSpan.Zero) is { } edge)
        {
            if (edge.Asserted && !discard)
            {
                _latched = true;
            }
        }
    }

    private bool WaitForLevel(bool asserted)
    {
        var start = _time.GetTimestamp();
        while (_trip.Read() != asserted)
        {
            if (_time.GetElapsedTime(start) >= _options.SelfTestTimeout)
            {
                return false;
            }

            _trip.WaitForEdge(WaitSlice);
        }

        return true;
    }

    private void PulseReset()
    {
        if (_reset is null)
        {
            return;
        }

        _reset.Write(true);
        var start = _time.GetTimestamp();
        while (_time.GetElapsedTime(start) < _options.ResetPulse)
        {
            _trip.WaitForEdge(WaitSlice);
        }

        _reset.Write(false);
    }
}
