using System.Net.Sockets;
using ChargePoint.Firmware.Hosting;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>
/// Creates the diagnostics listening socket: a Unix domain stream socket at the configured path, mode 0660 and
/// owned by the configured group, so only the service user and that group can talk to the firmware. A stale file
/// from a crashed run is removed; a path another running firmware still listens on is refused.
/// </summary>
internal static class DiagnosticsSocketFile
{
    private const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    public static Socket Listen(string path, string group, int backlog = 16)
    {
        var directory = Path.GetDirectoryName(path);
        if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
        {
            throw new StationStartupException($"Diagnostics:Socket: the directory {directory} does not exist; create it (the systemd unit's RuntimeDirectory=chargepoint does) or set Diagnostics:Socket to a path in an existing directory.");
        }

        RemoveStale(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, SocketMode);
            if (group.Length > 0)
            {
                var gid = UnixGroups.FindGroupId(group)
                    ?? throw new StationStartupException($"Diagnostics:Group: the group '{group}' does not exist; create it (groupadd {group}) or set Diagnostics:Group to an existing group, or empty.");
                if (UnixGroups.ChangeGroup(path, gid) is { } error)
                {
                    throw new StationStartupException($"Diagnostics:Group: cannot give {path} to group '{group}': {error}.");
                }
            }

            socket.Listen(backlog);
            return socket;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.AccessDenied or SocketError.AddressAlreadyInUse or SocketError.AddressNotAvailable)
        {
            socket.Dispose();
            throw new StationStartupException($"Diagnostics:Socket: cannot create {path} ({ex.Message}); the directory {directory} must be writable by the service user.", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Deletes <paramref name="path"/> unless a live process still accepts connections on it.</summary>
    private static void RemoveStale(string path)
    {
        if (!Path.Exists(path))
        {
            return;
        }

        using (var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                probe.Connect(new UnixDomainSocketEndPoint(path));
                throw new StationStartupException($"Diagnostics:Socket: another process already serves {path}; is a second firmware instance running?");
            }
            catch (SocketException)
            {
                // Nobody listens: a leftover of an earlier run.
            }
        }

        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StationStartupException($"Diagnostics:Socket: cannot remove the stale {path}: {ex.Message}", ex);
        }
    }
}
