using System.Text;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Linux.Serial;

/// <summary>
/// A pseudo-terminal pair (posix_openpt, grantpt, unlockpt, ptsname_r): the secondary side is a real tty that
/// <see cref="SerialPort.Open"/> configures through termios exactly like a UART, and the primary side plays the
/// device at the other end of the wire. Used to run serial drivers against simulated devices.
/// </summary>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private PseudoTerminal(SerialPort primary, string secondaryPath)
    {
        Primary = primary;
        SecondaryPath = secondaryPath;
    }

    /// <summary>The device side of the wire.</summary>
    public SerialPort Primary { get; }

    /// <summary>Path of the tty the driver under test opens, e.g. /dev/pts/3.</summary>
    public string SecondaryPath { get; }

    public static PseudoTerminal Open()
    {
        var fd = LibC.PosixOpenPt(LibC.ORdWr | LibC.ONoCtty | LibC.OCloExec);
        if (fd < 0)
        {
            throw Errno.Exception("posix_openpt", "/dev/ptmx");
        }

        var handle = new FileDescriptorHandle(fd);
        try
        {
            Errno.ThrowIfFailed(LibC.GrantPt(fd), "grantpt", "/dev/ptmx");
            Errno.ThrowIfFailed(LibC.UnlockPt(fd), "unlockpt", "/dev/ptmx");
            var name = stackalloc byte[128];
            var rc = LibC.PtsNameR(fd, name, 128);
            if (rc != 0)
            {
                System.Runtime.InteropServices.Marshal.SetLastPInvokeError(rc);
                throw Errno.Exception("ptsname_r", "/dev/ptmx");
            }

            var raw = new ReadOnlySpan<byte>(name, 128);
            var path = Encoding.UTF8.GetString(raw[..raw.IndexOf((byte)0)]);
            var primary = SerialPort.FromDescriptor(handle, new SerialPortOptions { Device = "/dev/ptmx", BaudRate = 115200 });
            return new PseudoTerminal(primary, path);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public void Dispose() => Primary.Dispose();
}
