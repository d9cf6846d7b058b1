using System.Runtime.InteropServices;

namespace ChargePoint.Hal.Linux.Interop;

/// <summary>The few libc entry points the HAL needs (source-generated P/Invoke, AOT friendly).</summary>
internal static unsafe partial class LibC
{
    private const string Library = "libc";

    public const int ORdOnly = 0x0;
    public const int OWrOnly = 0x1;
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    public const short PollIn = 0x1;

    public const int EIntr = 4;
    public const int EAgain = 11;

    [LibraryImport(Library, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags, int mode);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(Library, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport(Library, EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(int fd, Termios* termios);

    [LibraryImport(Library, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(int fd, int optionalActions, Termios* termios);

    [LibraryImport(Library, EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(Termios* termios);

    [LibraryImport(Library, EntryPoint = "cfsetispeed", SetLastError = true)]
    public static partial int CfSetISpeed(Termios* termios, uint speed);

    [LibraryImport(Library, EntryPoint = "cfsetospeed", SetLastError = true)]
    public static partial int CfSetOSpeed(Termios* termios, uint speed);

    [LibraryImport(Library, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(Library, EntryPoint = "tcdrain", SetLastError = true)]
    public static partial int TcDrain(int fd);

    [LibraryImport(Library, EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenPt(int flags);

    [LibraryImport(Library, EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPt(int fd);

    [LibraryImport(Library, EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPt(int fd);

    [LibraryImport(Library, EntryPoint = "ptsname_r", SetLastError = true)]
    public static partial int PtsNameR(int fd, byte* buffer, nuint length);

    [LibraryImport(Library, EntryPoint = "if_nametoindex", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial uint IfNameToIndex(string name);

    [LibraryImport(Library, EntryPoint = "access", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Access(string path, int mode);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }
}
