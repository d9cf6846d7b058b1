using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests.Linux.Gpio;

/// <summary>
/// A GPIO chip in memory: named lines with a physical level, the active-low inversion the driver asked for, queued
/// edges (logical, as the kernel reports them) and a write log. A wait for an edge that finds none advances the fake
/// clock by its timeout, as a blocking poll(2) would take that long.
/// </summary>
internal sealed class FakeGpio(FakeTimeProvider? time = null) : IGpioLineSource
{
    private readonly Dictionary<string, FakeLine> _lines = new(StringComparer.Ordinal);

    public FakeTimeProvider? Time { get; } = time;

    /// <summary>The line with this name, created on first use.</summary>
    public FakeLine this[string name]
    {
        get
        {
            lock (_lines)
            {
                if (!_lines.TryGetValue(name, out var line))
                {
                    line = new FakeLine(name, this);
                    _lines[name] = line;
                }

                return line;
            }
        }
    }

    /// <summary>Names the chip does not have.</summary>
    public HashSet<string> Missing { get; } = [];

    public IGpioInput OpenInput(string lineName, string consumer, TimeSpan debounce, bool activeLow)
    {
        var line = Claim(lineName, activeLow, isOutput: false);
        return new Input(line);
    }

    public IGpioOutput OpenOutput(string lineName, string consumer, bool initiallyAsserted, bool activeLow)
    {
        var line = Claim(lineName, activeLow, isOutput: true);
        line.Drive(initiallyAsserted);
        return new Output(line);
    }

    private FakeLine Claim(string lineName, bool activeLow, bool isOutput)
    {
        if (Missing.Contains(lineName))
        {
            throw new ArgumentException($"GPIO line '{lineName}' is not on the fake chip.", nameof(lineName));
        }

        var line = this[lineName];
        if (line.IsRequested)
        {
            throw new IOException($"GPIO line '{lineName}' is busy (EBUSY).");
        }

        line.Claim(activeLow, isOutput);
        return line;
    }

    private sealed class Input(FakeLine line) : IGpioInput
    {
        public string Name => line.Name;

        public bool Read() => line.IsAsserted;

        public GpioEdge? WaitForEdge(TimeSpan timeout) => line.TakeEdge(timeout);

        public void Dispose() => line.Release();
    }

    private sealed class Output(FakeLine line) : IGpioOutput
    {
        public string Name => line.Name;

        public bool Value => line.IsAsserted;

        public void Write(bool asserted) => line.Drive(asserted);

        public void Dispose() => line.Release();
    }
}

internal sealed class FakeLine(string name, FakeGpio chip)
{
    private readonly Queue<GpioEdge> _edges = new();
    private readonly List<(TimeSpan At, bool Asserted)> _writes = [];

    public string Name { get; } = name;

    public bool IsRequested { get; private set; }

    public bool IsOutput { get; private set; }

    public bool ActiveLow { get; private set; }

    /// <summary>The electrical level on the pin.</summary>
    public bool PhysicalHigh { get; private set; }

    public bool IsAsserted
    {
        get
        {
            lock (_edges)
            {
                return PhysicalHigh != ActiveLow;
            }
        }
    }

    /// <summary>Logical values written by the driver, with the fake time of each write.</summary>
    public IReadOnlyList<(TimeSpan At, bool Asserted)> Writes
    {
        get
        {
            lock (_edges)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Called after every write by the driver with the new logical value: the wiring to the simulated device.</summary>
    public Action<bool>? OnWrite { get; set; }

    /// <summary>Sets the logical level of an input (as the device would), queueing an edge when it changes.</summary>
    public void SetAsserted(bool asserted)
    {
        lock (_edges)
        {
            if (IsAsserted == asserted)
            {
                return;
            }

            PhysicalHigh = asserted != ActiveLow;
            _edges.Enqueue(new GpioEdge(asserted, (ulong)(chip.Time?.GetTimestamp() ?? 0) * 100));
        }
    }

    /// <summary>A pulse shorter than any poll: two edges queued, the level back where it was.</summary>
    public void Pulse()
    {
        SetAsserted(true);
        SetAsserted(false);
    }

    /// <summary>Sets the electrical level directly (e.g. a cut wire pulled to its idle level).</summary>
    public void SetPhysical(bool high)
    {
        lock (_edges)
        {
            PhysicalHigh = high;
        }
    }

    internal void Claim(bool activeLow, bool isOutput)
    {
        lock (_edges)
        {
            var asserted = IsAsserted;
            IsRequested = true;
            IsOutput = isOutput;
            ActiveLow = activeLow;
            PhysicalHigh = asserted != activeLow;
        }
    }

    internal void Release() => IsRequested = false;

    internal void Drive(bool asserted)
    {
        lock (_edges)
        {
            PhysicalHigh = asserted != ActiveLow;
            _writes.Add((TimeSpan.FromTicks(chip.Time?.GetTimestamp() ?? 0), asserted));
        }

        OnWrite?.Invoke(asserted);
    }

    internal GpioEdge? TakeEdge(TimeSpan timeout)
    {
        lock (_edges)
        {
            if (_edges.TryDequeue(out var edge))
            {
                return edge;
            }
        }

        if (timeout > TimeSpan.Zero)
        {
            chip.Time?.Advance(timeout);
        }

        lock (_edges)
        {
            return _edges.TryDequeue(out var edge) ? edge : null;
        }
    }
}
