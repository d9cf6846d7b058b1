namespace ChargePoint.Hal.Abstractions;

/// <summary>A hardware watchdog that resets the board (and with it opens the contactors) when not kicked.</summary>
public interface IHardwareWatchdog : IDisposable
{
    TimeSpan Timeout { get; }

    void Kick();
}
