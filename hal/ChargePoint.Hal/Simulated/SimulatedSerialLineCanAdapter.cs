using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Can;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// The adapter end of a serial-line (LAWICEL/SLCAN) USB-CAN adapter: serves the host's commands on a serial
/// channel (typically the primary side of a pseudo-terminal) and bridges frames to and from a CAN bus (an
/// <see cref="InMemoryCanNetwork"/> endpoint with simulated devices on it). Frames are refused with BEL until the
/// host has set a bitrate and opened the channel, as real adapters do.
/// </summary>
public sealed class SimulatedSerialLineCanAdapter : IDisposable
{
    private readonly ISerialChannel _channel;
    private readonly ICanBus _bus;
    private readonly SerialLineSplitter _splitter = new();
    private readonly Lock _writeGate = new();
    private readonly SerialChannelReader _reader;
    private volatile bool _disposed;
    private volatile bool _open;

    public SimulatedSerialLineCanAdapter(ISerialChannel channel, ICanBus bus)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(bus);
        _channel = channel;
        _bus = bus;
        _bus.FrameReceived += OnBusFrame;
        _reader = new SerialChannelReader(channel, "sim-slcan-adapter", bytes => _splitter.Feed(bytes, Handle));
        _reader.Start();
    }

    /// <summary>The <c>Sn</c> code the host chose, or null before it set one.</summary>
    public char? BitrateCode { get; private set; }

    public bool IsOpen => _open;

    /// <summary>Frames the host sent onto the bus.</summary>
    public int FramesFromHost { get; private set; }

    public void Dispose()
    {
        _disposed = true;
        _bus.FrameReceived -= OnBusFrame;
        _reader.Dispose();
    }

    private void Handle(ReadOnlySpan<byte> line)
    {
        switch (line[0])
        {
            case (byte)'S' when line.Length == 2 && !_open:
                BitrateCode = (char)line[1];
                Answer([SerialLineCanCodec.CarriageReturn]);
                break;
            case (byte)'O' when BitrateCode is not null:
                _open = true;
                Answer([SerialLineCanCodec.CarriageReturn]);
                break;
            case (byte)'C':
                _open = false;
                Answer([SerialLineCanCodec.CarriageReturn]);
                break;
            case (byte)'t' or (byte)'T' when _open && SerialLineCanCodec.Decode(line) is { } frame:
                FramesFromHost++;
                _bus.Send(frame);
                Answer([frame.IsExtended ? (byte)'Z' : (byte)'z', SerialLineCanCodec.CarriageReturn]);
                break;
            default:
                Answer([SerialLineCanCodec.Bell]);
                break;
        }
    }

    private void OnBusFrame(object? sender, CanFrame frame)
    {
        if (!_open)
        {
            return;
        }

        Span<byte> line = stackalloc byte[SerialLineCanCodec.MaxLineLength];
        Answer(line[..SerialLineCanCodec.Encode(frame, line)]);
    }

    private void Answer(ReadOnlySpan<byte> bytes)
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            lock (_writeGate)
            {
                _channel.Write(bytes);
            }
        }
        catch (IOException)
        {
            // The host side is closed; nobody listens.
        }
    }
}
