using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>An emergency-stop contact on a GPIO input, requested active-low (the loop is closed while released,
/// so a broken wire reads as pressed) with a 10 ms debounce.</summary>
public sealed class GpioEmergencyStop : IEmergencyStop, IDisposable
{
    private readonly IGpioInput _line;

    public GpioEmergencyStop(GpioChip chip, string lineName)
        : this((IGpioLineSource)chip, lineName)
    {
    }

    public GpioEmergencyStop(IGpioLineSource gpio, string lineName)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        _line = gpio.OpenInput(lineName, "chargepoint-estop", TimeSpan.FromMilliseconds(10), activeLow: true);
    }

    /// <summary>Active-low request: the logical value is 1 when the loop is open (button pressed or wire cut).</summary>
    public bool IsPressed => _line.Read();

    public void Dispose() => _line.Dispose();
}
