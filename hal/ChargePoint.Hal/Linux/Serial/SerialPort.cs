using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Linux.Serial;

/// <summary>
/// A serial port through termios: raw 8-bit mode, the configured rate, parity and stop bits, optional kernel
/// RS-485 direction control. Reads use poll() for their timeout; writes drain to the wire before returning.
/// </summary>
public sealed unsafe class SerialPort : ISerialChannel
{
    private readonly FileDescriptorHandle _fd;
    private readonly string _device;

    private SerialPort(FileDescriptorHandle fd, SerialPortOptions options)
    {
        _fd = fd;
        _device = options.Device;
        CharacterTime = TimeSpan.FromSeconds((double)options.BitsPerCharacter / options.BaudRate);
    }

    public TimeSpan CharacterTime { get; }

    public static SerialPort Open(SerialPortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fd = FileDescriptorHandle.Open(options.Device, LibC.ORdWr | LibC.ONoCtty | LibC.ONonBlock);
        try
        {
            Configure(fd, options);
            return new SerialPort(fd, options);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    /// <summary>Wraps an already open descriptor (e.g. one side of a pseudo-terminal) and configures it.</summary>
    internal static SerialPort FromDescriptor(FileDescriptorHandle fd, SerialPortOptions options, bool configure = true)
    {
        if (configure)
        {
            Configure(fd, options);
        }

        return new SerialPort(fd, options);
    }

    /// <summary>Builds the termios settings for <paramref name="options"/> from <paramref name="current"/>.</summary>
    public static Termios BuildTermios(Termios current, SerialPortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var t = current;
        LibC.CfMakeRaw(&t);
        var speed = TermiosFlags.SpeedFor(options.BaudRate);
        LibC.CfSetISpeed(&t, speed);
        LibC.CfSetOSpeed(&t, speed);
        t.ControlFlags &= ~(TermiosFlags.ParEnb | TermiosFlags.ParOdd | TermiosFlags.CStopB | TermiosFlags.CrtsCts);
        t.ControlFlags |= TermiosFlags.Cs8 | TermiosFlags.CRead | TermiosFlags.CLocal;
        t.ControlFlags |= options.Parity switch
        {
            SerialParity.Even => TermiosFlags.ParEnb,
            SerialParity.Odd => TermiosFlags.ParEnb | TermiosFlags.ParOdd,
            _ => 0u,
        };
        if (options.StopBits == 2)
        {
            t.ControlFlags |= TermiosFlags.CStopB;
        }

        // Non-blocking reads; the timeout comes from poll().
        t.ControlCharacters[Termios.VMin] = 0;
        t.ControlCharacters[Termios.VTime] = 0;
        return t;
    }

    /// <summary>Reads the termios settings the kernel currently holds for this port.</summary>
    public Termios ReadTermios()
    {
        Termios t;
        using var fd = _fd.Use(_device);
        Errno.ThrowIfFailed(LibC.TcGetAttr(fd.Fd, &t), "tcgetattr", _device);
        return t;
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        using var fd = _fd.Use(_device);
        fixed (byte* p = data)
        {
            var written = 0;
            while (written < data.Length)
            {
                var n = LibC.Write(fd.Fd, p + written, data.Length - written);
                if (n < 0)
                {
                    var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                    if (errno is LibC.EAgain or LibC.EIntr)
                    {
                        WaitWritable(fd.Fd);
                        continue;
                    }

                    throw Errno.Exception("write", _device);
                }

                written += (int)n;
            }
        }
    }

    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        using var fd = _fd.Use(_device);
        var pollFd = new LibC.PollFd { Fd = fd.Fd, Events = LibC.PollIn };
        var ready = LibC.Poll(&pollFd, 1, (int)Math.Ceiling(timeout.TotalMilliseconds));
        if (ready < 0)
        {
            return System.Runtime.InteropServices.Marshal.GetLastPInvokeError() == LibC.EIntr ? 0 : throw Errno.Exception("poll", _device);
        }

        if (ready == 0)
        {
            return 0;
        }

        fixed (byte* p = buffer)
        {
            var n = LibC.Read(fd.Fd, p, buffer.Length);
            if (n < 0)
            {
                var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                return errno is LibC.EAgain or LibC.EIntr ? 0 : throw Errno.Exception("read", _device);
            }

            return (int)n;
        }
    }

    public void DiscardInput()
    {
        using var fd = _fd.Use(_device);
        LibC.TcFlush(fd.Fd, TermiosFlags.TcIFlush);
    }

    public void Dispose() => _fd.Dispose();

    private static void Configure(FileDescriptorHandle handle, SerialPortOptions options)
    {
        using var lease = handle.Use(options.Device);
        var fd = lease.Fd;
        Termios current;
        Errno.ThrowIfFailed(LibC.TcGetAttr(fd, &current), "tcgetattr (is it a serial device?)", options.Device);
        var t = BuildTermios(current, options);
        Errno.ThrowIfFailed(LibC.TcSetAttr(fd, TermiosFlags.TcsaNow, &t), "tcsetattr", options.Device);
        LibC.TcFlush(fd, TermiosFlags.TcIOFlush);
        if (options.Rs485)
        {
            var rs485 = new SerialRs485
            {
                Flags = SerialRs485.Enabled | SerialRs485.RtsOnSend,
                DelayRtsBeforeSendMilliseconds = (uint)options.Rs485DelayRtsBeforeSendMilliseconds,
                DelayRtsAfterSendMilliseconds = (uint)options.Rs485DelayRtsAfterSendMilliseconds,
            };
            Errno.ThrowIfFailed(LibC.Ioctl(fd, TermiosFlags.TiocSRs485, &rs485), "ioctl TIOCSRS485 (does the UART driver support RS-485 mode?)", options.Device);
        }
    }

    private static void WaitWritable(int fd)
    {
        var pollFd = new LibC.PollFd { Fd = fd, Events = 0x4 /* POLLOUT */ };
        LibC.Poll(&pollFd, 1, 100);
    }
}
