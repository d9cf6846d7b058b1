using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Drivers.PilotMcu;

/// <summary>
/// Host side of the pilot front-end link (PROTOCOL.md): the control pilot, proximity pilot, contactors and
/// emergency-stop input of a board whose MCU does the real-time work. Sends the wanted state with every
/// heartbeat and keeps the latest Status. A stale Status fails safe: the pilot reads invalid (which trips the
/// safety supervisor), the emergency stop reads pressed and the PP reads open.
/// </summary>
public sealed class PilotMcuFrontEnd : IControlPilot, IProximityPilot, IEmergencyStop, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ISerialChannel _channel;
    private readonly TimeProvider _time;
    private readonly PilotMcuOptions _options;
    private readonly ITimer _heartbeat;
    private readonly SerialChannelReader _reader;
    private readonly PilotMcuFrameReader _frames = new();
    private volatile bool _disposed;
    private PilotOutput _output = PilotOutput.ConstantHigh;
    private byte _contactorMask;
    private byte _sequence;
    private PilotMcuStatus? _status;
    private DateTimeOffset _statusAt;

    public PilotMcuFrontEnd(ISerialChannel channel, TimeProvider time, PilotMcuOptions options)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _channel = channel;
        _time = time;
        _options = options;
        Contactors = [.. Enumerable.Range(0, options.ContactorCount).Select(i => new McuContactor(this, i))];
        _reader = new SerialChannelReader(channel, "pilot-mcu-rx", OnBytes);
        _reader.Start();
        _heartbeat = time.CreateTimer(_ => SendState(withHeartbeat: true), null, TimeSpan.Zero, options.HeartbeatPeriod);
    }

    public bool SupportsStateE => true;

    public IReadOnlyList<IContactor> Contactors { get; }

    public int DiscardedFrames => _frames.DiscardedFrames;

    public PilotOutput Output
    {
        get
        {
            lock (_gate)
            {
                return _output;
            }
        }
    }

    /// <summary>True while Status frames arrive within <see cref="PilotMcuOptions.StatusTimeout"/>.</summary>
    public bool IsLinkUp => CurrentStatus() is not null;

    /// <summary>True when the MCU reports that it went to its safe state for lack of heartbeats.</summary>
    public bool McuHeartbeatLost => CurrentStatus() is { } s && (s.Flags & PilotMcuStatus.FlagHeartbeatLost) != 0;

    /// <summary>Waits until the MCU reports status; used at start-up before the control layer starts.</summary>
    public bool WaitForLink(TimeSpan timeout) => SpinWait.SpinUntil(() => IsLinkUp, timeout);

    public bool IsPressed => CurrentStatus() is not { } s || (s.Flags & PilotMcuStatus.FlagEmergencyStop) != 0;

    public void SetOutput(PilotOutput output)
    {
        lock (_gate)
        {
            _output = output;
        }

        SendState(withHeartbeat: false);
    }

    public PilotMeasurement ReadMeasurement() => CurrentStatus() is { } s
        ? new PilotMeasurement(s.HighPlateauMillivolts / 1000.0, s.LowPlateauMillivolts / 1000.0, AppliedOutput(s))
        : new PilotMeasurement(double.NaN, double.NaN);

    /// <summary>The output the MCU reports it was driving, in the same form as the commands.</summary>
    private static PilotOutput AppliedOutput(PilotMcuStatus status) => status.PilotMode switch
    {
        PilotOutputMode.Pwm => PilotOutput.Pwm(Math.Min(status.DutyHundredthsPercent / 100.0, 100)),
        PilotOutputMode.ConstantHigh => PilotOutput.ConstantHigh,
        PilotOutputMode.StateE => PilotOutput.StateE,
        _ => PilotOutput.StateF,
    };

    public double ReadResistanceOhms() => CurrentStatus() is { } s && s.ProximityOhms != PilotMcuStatus.ProximityOpen ? s.ProximityOhms : double.PositiveInfinity;

    public void Dispose()
    {
        _disposed = true;
        _heartbeat.Dispose();
        _reader.Dispose();
    }

    private PilotMcuStatus? CurrentStatus()
    {
        lock (_gate)
        {
            return _status is not null && _time.GetUtcNow() - _statusAt <= _options.StatusTimeout ? _status : null;
        }
    }

    private void SetContactor(int index, bool closed)
    {
        lock (_gate)
        {
            _contactorMask = closed ? (byte)(_contactorMask | (1 << index)) : (byte)(_contactorMask & ~(1 << index));
        }

        SendState(withHeartbeat: false);
    }

    private void SendState(bool withHeartbeat)
    {
        if (_disposed)
        {
            return;
        }

        lock (_gate)
        {
            Send(PilotMcuFrame.SetPilot, PilotMcuPilotMode.SetPilotPayload(_output));
            Send(PilotMcuFrame.SetContactors, [_contactorMask]);
            if (withHeartbeat)
            {
                Send(PilotMcuFrame.Heartbeat, []);
            }
        }
    }

    private void Send(byte type, byte[] payload)
    {
        try
        {
            _channel.Write(new PilotMcuFrame(type, _sequence++, payload).Encode());
        }
        catch (IOException)
        {
            // A broken UART shows up as a stale Status, which fails safe; nothing to do here.
        }
    }

    /// <summary>A broken UART ends the reader; the Status then goes stale, which fails safe.</summary>
    private void OnBytes(ReadOnlySpan<byte> bytes)
    {
        foreach (var frame in _frames.Feed(bytes))
        {
            if (frame.Type == PilotMcuFrame.Status && PilotMcuStatus.Parse(frame.Payload) is { } status)
            {
                lock (_gate)
                {
                    _status = status;
                    _statusAt = _time.GetUtcNow();
                }
            }
        }
    }

    private bool FeedbackClosed(int index)
    {
        lock (_gate)
        {
            return _status is { } s && (s.ContactorFeedback & (1 << index)) != 0;
        }
    }

    private bool CommandedClosed(int index)
    {
        lock (_gate)
        {
            return (_contactorMask & (1 << index)) != 0;
        }
    }

    private sealed class McuContactor(PilotMcuFrontEnd owner, int index) : IContactor
    {
        public string Name { get; } = $"MCU contactor {index}";

        public bool IsCommandedClosed => owner.CommandedClosed(index);

        public bool IsFeedbackClosed => owner.FeedbackClosed(index);

        public void Close() => owner.SetContactor(index, true);

        public void Open() => owner.SetContactor(index, false);
    }
}
