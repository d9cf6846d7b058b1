namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>Single-line <see cref="IGpioInput"/> and <see cref="IGpioOutput"/> over a uAPI v2 line request.</summary>
internal sealed class GpioInputLine(string name, GpioLineRequest request) : IGpioInput
{
    public string Name { get; } = name;

    public bool Read() => request.GetValue(0);

    public GpioEdge? WaitForEdge(TimeSpan timeout) =>
        request.ReadEvent(timeout) is { } e ? new GpioEdge(e.Id == GpioUapi.EventRisingEdge, e.TimestampNanoseconds) : null;

    public void Dispose() => request.Dispose();
}

internal sealed class GpioOutputLine(string name, GpioLineRequest request, bool initial) : IGpioOutput
{
    private volatile bool _value = initial;

    public string Name { get; } = name;

    public bool Value => _value;

    public void Write(bool asserted)
    {
        request.SetValue(0, asserted);
        _value = asserted;
    }

    public void Dispose() => request.Dispose();
}
