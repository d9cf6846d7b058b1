using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>A watchdog that records an expiry (the board would reset) when not kicked within its timeout.</summary>
public sealed class SimulatedWatchdog : IHardwareWatchdog
{
    private readonly ITimer _timer;

    public SimulatedWatchdog(TimeProvider time, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(time);
        Timeout = timeout;
        _timer = time.CreateTimer(_ => HasExpired = true, null, timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    public TimeSpan Timeout { get; }

    public bool HasExpired { get; private set; }

    public int KickCount { get; private set; }

    public void Kick()
    {
        KickCount++;
        _timer.Change(Timeout, System.Threading.Timeout.InfiniteTimeSpan);
    }

    /// <summary>Like the magic close of /dev/watchdog: a clean shutdown disarms it.</summary>
    public void Dispose() => _timer.Dispose();
}
