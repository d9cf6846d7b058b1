using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>An emergency-stop contact on a GPIO input, requested active-low (the loop is closed while released,
/// so a broken wire reads as pressed) with a 10 ms debounce.</summary>
public sealed class GpioEmergencyStop : IEmergencyStop, IDisposable
{
    private readonly GpioLineRequest _line;

    public GpioEmergencyStop(GpioChip chip, string lineName)
    {
        ArgumentNullException.ThrowIfNull(chip);
        var offset = chip.FindLine(lineName) ?? throw new ArgumentException($"GPIO line '{lineName}' is not on {chip.Path}.", nameof(lineName));
        _line = chip.RequestInputs([offset], "chargepoint-estop", TimeSpan.FromMilliseconds(10), activeLow: true);
    }

    /// <summary>Active-low request: the logical value is 1 when the loop is open (button pressed or wire cut).</summary>
    public bool IsPressed => _line.GetValue(0);

    public void Dispose() => _line.Dispose();
}
