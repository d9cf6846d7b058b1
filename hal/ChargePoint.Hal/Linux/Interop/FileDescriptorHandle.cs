using System.Runtime.InteropServices;

namespace ChargePoint.Hal.Linux.Interop;

/// <summary>Owns a Linux file descriptor and closes it exactly once.</summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    public FileDescriptorHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    public override bool IsInvalid => handle.ToInt64() < 0;

    public int Fd => (int)handle.ToInt64();

    public static FileDescriptorHandle Open(string path, int flags)
    {
        var fd = LibC.Open(path, flags | LibC.OCloExec, 0);
        return fd < 0 ? throw Errno.Exception("open", path) : new FileDescriptorHandle(fd);
    }

    protected override bool ReleaseHandle() => LibC.Close(Fd) == 0;
}
