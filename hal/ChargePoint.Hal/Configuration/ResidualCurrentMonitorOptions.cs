namespace ChargePoint.Hal.Configuration;

/// <summary>
/// A residual current monitor module (e.g. a 6 mA DC / 30 mA AC detection module with a trip output and a test
/// input) on GPIO lines of <see cref="LinuxHardwareOptions.GpioChip"/>. Section "Hardware:ResidualCurrentMonitor";
/// an empty <see cref="TripLine"/> means the station has none.
/// </summary>
public sealed record ResidualCurrentMonitorOptions
{
    /// <summary>Input asserted while the module signals a trip.</summary>
    public string TripLine { get; init; } = "";

    /// <summary>True when the trip output pulls the line low (a relay contact that opens on trip): a cut wire
    /// or an unpowered module then reads as tripped.</summary>
    public bool TripActiveLow { get; init; } = true;

    /// <summary>Output wired to the module's test input; empty when the module cannot be tested from software.</summary>
    public string TestLine { get; init; } = "";

    public bool TestActiveLow { get; init; }

    /// <summary>Output that resets a latching module; empty when the module resets itself once the cause is gone.</summary>
    public string ResetLine { get; init; } = "";

    public bool ResetActiveLow { get; init; }

    /// <summary>How long the module may take to trip after the test input is asserted, and to recover after it is
    /// released.</summary>
    public TimeSpan SelfTestTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Width of the reset pulse.</summary>
    public TimeSpan ResetPulse { get; init; } = TimeSpan.FromMilliseconds(100);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(TripLine);
}
