using System.Runtime.InteropServices;

namespace ChargePoint.Hal.Linux.Interop;

/// <summary>
/// Owns a Linux file descriptor and closes it exactly once. System calls get the number only through
/// <see cref="Use"/>: a disposal that races a read on another thread then closes the descriptor after that call
/// returns, instead of during it. A raw number used after close could name a descriptor the process has opened
/// since (another serial port, a socket), and bytes would go to, or be taken from, the wrong device.
/// </summary>
internal sealed class FileDescriptorHandle : SafeHandle
{
    private const int EBadF = 9;

    public FileDescriptorHandle(int fd)
        : base(new IntPtr(-1), ownsHandle: true) => SetHandle(new IntPtr(fd));

    public override bool IsInvalid => handle.ToInt64() < 0;

    public static FileDescriptorHandle Open(string path, int flags)
    {
        var fd = LibC.Open(path, flags | LibC.OCloExec, 0);
        return fd < 0 ? throw Errno.Exception("open", path) : new FileDescriptorHandle(fd);
    }

    /// <summary>Keeps the descriptor open until the lease is disposed. A closed handle is an I/O error on
    /// <paramref name="device"/>, the same as the device going away, which every caller already handles.</summary>
    public Lease Use(string device)
    {
        var added = false;
        try
        {
            DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException)
        {
            throw new DeviceIoException($"{device} is closed.", EBadF);
        }

        return new Lease(this);
    }

    protected override bool ReleaseHandle() => LibC.Close((int)handle.ToInt64()) == 0;

    /// <summary>The descriptor number, valid while the lease is alive.</summary>
    public readonly ref struct Lease
    {
        private readonly FileDescriptorHandle _owner;

        internal Lease(FileDescriptorHandle owner) => _owner = owner;

        public int Fd => (int)_owner.handle.ToInt64();

        public void Dispose() => _owner.DangerousRelease();
    }
}
