namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>One requested GPIO input line. Values are logical (after active-low inversion), so true always means
/// "asserted" whatever the wiring.</summary>
public interface IGpioInput : IDisposable
{
    /// <summary>The line name as configured (device-tree gpio-line-names).</summary>
    string Name { get; }

    bool Read();

    /// <summary>Returns the next queued edge, waiting up to <paramref name="timeout"/> (zero: only what is already
    /// queued), or null. The kernel queues edges, so a pulse shorter than the caller's poll period is not lost.</summary>
    GpioEdge? WaitForEdge(TimeSpan timeout);
}
