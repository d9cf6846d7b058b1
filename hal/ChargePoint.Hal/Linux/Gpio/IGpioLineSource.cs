namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>Where GPIO lines come from, found by name. <see cref="GpioChip"/> is the real one; tests inject fakes,
/// so every driver built on lines runs without a GPIO chip.</summary>
public interface IGpioLineSource
{
    /// <summary>Requests a debounced input with edge events on both edges.</summary>
    IGpioInput OpenInput(string lineName, string consumer, TimeSpan debounce, bool activeLow);

    /// <summary>Requests an output, driven to <paramref name="initiallyAsserted"/> from the moment it is claimed.</summary>
    IGpioOutput OpenOutput(string lineName, string consumer, bool initiallyAsserted, bool activeLow);
}
