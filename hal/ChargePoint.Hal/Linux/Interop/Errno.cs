using System.Runtime.InteropServices;

namespace ChargePoint.Hal.Linux.Interop;

/// <summary>Turns a failed libc call into an exception that names the operation, the device and errno.</summary>
internal static class Errno
{
    public const int ENoEnt = 2;
    public const int EAcces = 13;
    public const int EPerm = 1;

    public static IOException Exception(string operation, string device)
    {
        var errno = Marshal.GetLastPInvokeError();
        var cause = $"errno {errno}: {Marshal.GetPInvokeErrorMessage(errno)}";
        return errno is EAcces or EPerm
            ? new DeviceAccessDeniedException($"{operation} on {device} was denied ({cause}). Grant the service user access to the device (udev rule or group membership).", errno)
            : new DeviceIoException($"{operation} on {device} failed ({cause}).", errno);
    }

    public static int ThrowIfFailed(int result, string operation, string device) =>
        result < 0 ? throw Exception(operation, device) : result;
}

/// <summary>A Linux device call failed; <see cref="Errno"/> is the kernel's error number.</summary>
public class DeviceIoException(string message, int errno) : IOException(message)
{
    public int Errno { get; } = errno;
}

/// <summary>The process lacks permission for a device.</summary>
public sealed class DeviceAccessDeniedException(string message, int errno) : DeviceIoException(message, errno);
