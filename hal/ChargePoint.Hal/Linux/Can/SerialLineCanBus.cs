using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Linux.Can;

/// <summary>
/// A CAN bus behind a serial-line (LAWICEL/SLCAN) USB-CAN adapter, spoken in user space over its tty
/// (<see cref="SerialLineCanCodec"/>): for boards whose kernel has no SocketCAN, or whose power module hangs on
/// such an adapter. Opening closes any channel a previous run left open, sets the bitrate and opens the channel;
/// a receive thread raises <see cref="FrameReceived"/> for every data frame.
/// </summary>
public sealed class SerialLineCanBus : ICanBus
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromMilliseconds(50);

    private readonly ISerialChannel _channel;
    private readonly Lock _writeGate = new();
    private readonly SerialLineSplitter _splitter = new();
    private readonly SerialChannelReader _receiver;
    private volatile bool _disposed;

    private SerialLineCanBus(ISerialChannel channel, string name)
    {
        _channel = channel;
        Name = name;
        _receiver = new SerialChannelReader(channel, $"slcan-rx-{Path.GetFileName(name)}", bytes => _splitter.Feed(bytes, OnLine), ReadTimeout);
    }

    public event EventHandler<CanFrame>? FrameReceived;

    public string Name { get; }

    /// <summary>Error answers (BEL) the adapter sent, e.g. for a frame it could not queue.</summary>
    public int AdapterErrors => _splitter.Errors;

    /// <summary>Opens the adapter on <paramref name="serial"/> at <paramref name="bitsPerSecond"/>.</summary>
    public static SerialLineCanBus Open(SerialPortOptions serial, int bitsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(serial);
        var port = SerialPort.Open(serial);
        try
        {
            return Start(port, serial.Device, bitsPerSecond);
        }
        catch
        {
            port.Dispose();
            throw;
        }
    }

    /// <summary>Starts the protocol on an open channel (the bus owns it from here on).</summary>
    public static SerialLineCanBus Start(ISerialChannel channel, string name, int bitsPerSecond)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var code = SerialLineCanCodec.BitrateCode(bitsPerSecond)
            ?? throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond, "Serial-line CAN adapters know 10, 20, 50, 100, 125, 250, 500, 800 and 1000 kbit/s.");
        var bus = new SerialLineCanBus(channel, name);

        // An empty line first flushes half a command an earlier run may have left in the adapter.
        bus.Command("\rC\r"u8);
        bus.Command([(byte)'S', (byte)code, SerialLineCanCodec.CarriageReturn]);
        bus.Command("O\r"u8);
        bus._receiver.Start();
        return bus;
    }

    public void Send(CanFrame frame)
    {
        Span<byte> line = stackalloc byte[SerialLineCanCodec.MaxLineLength];
        var length = SerialLineCanCodec.Encode(frame, line);
        Command(line[..length]);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _receiver.Dispose(); // a silent adapter is reported by the power-module driver
        try
        {
            Command("C\r"u8); // leave the adapter closed, as found
        }
        catch (IOException)
        {
            // The adapter is gone (unplugged): nothing to close.
        }

        _channel.Dispose();
    }

    private void Command(ReadOnlySpan<byte> bytes)
    {
        lock (_writeGate)
        {
            _channel.Write(bytes);
        }
    }

    private void OnLine(ReadOnlySpan<byte> line)
    {
        if (SerialLineCanCodec.Decode(line) is { } frame)
        {
            FrameReceived?.Invoke(this, frame);
        }
    }
}
