using System.Globalization;
using System.Runtime.InteropServices;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>Group lookup (/etc/group) and chown(2), for giving the diagnostics socket to a group.</summary>
internal static partial class UnixGroups
{
    /// <summary>The numeric id of <paramref name="name"/>, or null when no such group exists.</summary>
    public static int? FindGroupId(string name, string groupFile = "/etc/group")
    {
        if (!File.Exists(groupFile))
        {
            return null;
        }

        foreach (var line in File.ReadLines(groupFile))
        {
            // name:password:gid:members
            var fields = line.Split(':');
            if (fields.Length >= 3 && string.Equals(fields[0], name, StringComparison.Ordinal)
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return gid;
            }
        }

        return null;
    }

    /// <summary>Changes the group of <paramref name="path"/>; returns the errno text on failure.</summary>
    public static string? ChangeGroup(string path, int groupId) =>
        Chown(path, -1, groupId) == 0 ? null : Marshal.GetLastPInvokeErrorMessage();

    [DllImport("libc", EntryPoint = "chown", SetLastError = true)]
    private static extern int Chown([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int owner, int group);
}
