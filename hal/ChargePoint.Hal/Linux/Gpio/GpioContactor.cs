using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>
/// A contactor whose coil driver hangs on a GPIO output and whose mirror contact is read on a GPIO input
/// (debounced 10 ms). The output is requested low (coil off) so the contactor is open from the moment the line
/// is claimed.
/// </summary>
public sealed class GpioContactor : IContactor, IDisposable
{
    private readonly GpioLineRequest _drive;
    private readonly GpioLineRequest _feedback;
    private volatile bool _commanded;

    public GpioContactor(GpioChip chip, string name, string driveLine, string feedbackLine, bool feedbackActiveLow = false)
    {
        ArgumentNullException.ThrowIfNull(chip);
        Name = name;
        var drive = chip.FindLine(driveLine) ?? throw new ArgumentException($"GPIO line '{driveLine}' is not on {chip.Path}.", nameof(driveLine));
        var feedback = chip.FindLine(feedbackLine) ?? throw new ArgumentException($"GPIO line '{feedbackLine}' is not on {chip.Path}.", nameof(feedbackLine));
        _drive = chip.RequestOutputs([drive], $"chargepoint-{name}", initialValues: 0);
        try
        {
            _feedback = chip.RequestInputs([feedback], $"chargepoint-{name}-fb", TimeSpan.FromMilliseconds(10), feedbackActiveLow);
        }
        catch
        {
            _drive.Dispose();
            throw;
        }
    }

    public string Name { get; }

    public bool IsCommandedClosed => _commanded;

    public bool IsFeedbackClosed => _feedback.GetValue(0);

    public void Close()
    {
        _drive.SetValue(0, true);
        _commanded = true;
    }

    public void Open()
    {
        _commanded = false;
        _drive.SetValue(0, false);
    }

    public void Dispose()
    {
        _feedback.Dispose();
        _drive.Dispose();
    }
}
