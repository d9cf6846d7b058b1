using System.Runtime.InteropServices;

namespace ChargePoint.TestUtilities.Netns;

/// <summary>libc calls the namespace tests need: setns (per thread) and capget/capset (per thread).</summary>
public static partial class NamespaceInterop
{
    public const int CloneNewNet = 0x40000000;
    public const int CapNetRaw = 13;
    private const uint CapabilityVersion3 = 0x20080522;

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    [DllImport("libc", SetLastError = true)]
    private static extern int capget(ref CapHeader header, [Out] CapData[] data);

    [DllImport("libc", SetLastError = true)]
    private static extern int capset(ref CapHeader header, CapData[] data);

    public static void EnterNetworkNamespace(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
        {
            throw new InvalidOperationException($"setns failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Removes CAP_NET_RAW from the calling thread's effective set (other threads keep it).</summary>
    public static void DropNetRawOnThisThread()
    {
        var header = new CapHeader { Version = CapabilityVersion3, Pid = 0 };
        var data = new CapData[2];
        if (capget(ref header, data) != 0)
        {
            throw new InvalidOperationException($"capget failed: errno {Marshal.GetLastPInvokeError()}");
        }

        data[0].Effective &= ~(1u << CapNetRaw);
        if (capset(ref header, data) != 0)
        {
            throw new InvalidOperationException($"capset failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapHeader
    {
        public uint Version;
        public int Pid;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct CapData
    {
        public uint Effective;
        public uint Permitted;
        public uint Inheritable;
    }
}
