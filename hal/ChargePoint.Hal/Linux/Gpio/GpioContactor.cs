using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>
/// A contactor whose coil driver hangs on a GPIO output and whose mirror contact is read on a GPIO input
/// (debounced 10 ms). The output is requested low (coil off) so the contactor is open from the moment the line
/// is claimed.
/// </summary>
public sealed class GpioContactor : IContactor, IDisposable
{
    private readonly IGpioOutput _drive;
    private readonly IGpioInput _feedback;
    private volatile bool _commanded;

    public GpioContactor(GpioChip chip, string name, string driveLine, string feedbackLine, bool feedbackActiveLow = false)
        : this((IGpioLineSource)chip, name, driveLine, feedbackLine, feedbackActiveLow)
    {
    }

    public GpioContactor(IGpioLineSource gpio, string name, string driveLine, string feedbackLine, bool feedbackActiveLow = false)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        Name = name;
        _drive = gpio.OpenOutput(driveLine, $"chargepoint-{name}", initiallyAsserted: false, activeLow: false);
        try
        {
            _feedback = gpio.OpenInput(feedbackLine, $"chargepoint-{name}-fb", TimeSpan.FromMilliseconds(10), feedbackActiveLow);
        }
        catch
        {
            _drive.Dispose();
            throw;
        }
    }

    public string Name { get; }

    public bool IsCommandedClosed => _commanded;

    public bool IsFeedbackClosed => _feedback.Read();

    public void Close()
    {
        _drive.Write(true);
        _commanded = true;
    }

    public void Open()
    {
        _commanded = false;
        _drive.Write(false);
    }

    public void Dispose()
    {
        _feedback.Dispose();
        _drive.Dispose();
    }
}
