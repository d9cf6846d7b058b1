namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>One requested GPIO output line, driven in logical values (true = asserted).</summary>
public interface IGpioOutput : IDisposable
{
    string Name { get; }

    /// <summary>The value last written.</summary>
    bool Value { get; }

    void Write(bool asserted);
}
