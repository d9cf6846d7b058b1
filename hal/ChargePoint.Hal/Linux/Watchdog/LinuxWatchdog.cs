using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Interop;

namespace ChargePoint.Hal.Linux.Watchdog;

/// <summary>
/// The kernel watchdog device (Documentation/watchdog/watchdog-api.rst): opening arms it, WDIOC_SETTIMEOUT sets the
/// timeout, WDIOC_KEEPALIVE kicks it, and writing 'V' before closing (magic close) disarms it on a clean shutdown.
/// If the process hangs or dies, the board resets and the contactor drivers fall back to open.
/// </summary>
public sealed unsafe class LinuxWatchdog : IHardwareWatchdog
{
    public const uint KeepAliveRequest = 0x80045705;
    public const uint SetTimeoutRequest = 0xC0045706;

    private readonly FileDescriptorHandle _fd;
    private readonly string _device;

    private LinuxWatchdog(FileDescriptorHandle fd, string device, TimeSpan timeout)
    {
        _fd = fd;
        _device = device;
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public static LinuxWatchdog Open(string device, TimeSpan timeout)
    {
        var fd = FileDescriptorHandle.Open(device, LibC.OWrOnly);
        try
        {
            var seconds = (int)Math.Ceiling(timeout.TotalSeconds);
            using (var lease = fd.Use(device))
            {
                Errno.ThrowIfFailed(LibC.Ioctl(lease.Fd, SetTimeoutRequest, &seconds), "ioctl WDIOC_SETTIMEOUT", device);
            }

            return new LinuxWatchdog(fd, device, TimeSpan.FromSeconds(seconds));
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    public void Kick()
    {
        var dummy = 0;
        using var fd = _fd.Use(_device);
        Errno.ThrowIfFailed(LibC.Ioctl(fd.Fd, KeepAliveRequest, &dummy), "ioctl WDIOC_KEEPALIVE", _device);
    }

    public void Dispose()
    {
        if (_fd.IsClosed)
        {
            return;
        }

        var magic = (byte)'V';
        using (var fd = _fd.Use(_device))
        {
            LibC.Write(fd.Fd, &magic, 1);
        }

        _fd.Dispose();
    }
}
