using System.Net.Sockets;
using System.Text;

namespace ChargePoint.Firmware.Systemd;

/// <summary>
/// The sd_notify protocol, written by hand (no systemd package is available here): one datagram per state
/// change to the Unix socket named by <c>NOTIFY_SOCKET</c>. A leading '@' names an abstract socket.
/// Without <c>NOTIFY_SOCKET</c> (not started by systemd) every call is a no-op.
/// </summary>
public sealed class SystemdNotifier : IDisposable
{
    private readonly Socket? _socket;
    private readonly UnixDomainSocketEndPoint? _endPoint;

    public SystemdNotifier(string? notifySocket)
    {
        if (string.IsNullOrEmpty(notifySocket))
        {
            return;
        }

        // Abstract-namespace sockets are written with a leading NUL on the wire; .NET takes '\0' for that.
        var path = notifySocket[0] == '@' ? "\0" + notifySocket[1..] : notifySocket;
        _endPoint = new UnixDomainSocketEndPoint(path);
        _socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    }

    public static SystemdNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable("NOTIFY_SOCKET"));

    public bool IsEnabled => _socket is not null;

    /// <summary>Sends <paramref name="state"/> (e.g. <c>READY=1</c>); returns false when disabled or the send failed.</summary>
    public bool Notify(string state)
    {
        if (_socket is null || _endPoint is null)
        {
            return false;
        }

        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes(state), SocketFlags.None, _endPoint);
            return true;
        }
        catch (SocketException)
        {
            // systemd gone or socket full: nothing useful to do; the watchdog will notice if it matters.
            return false;
        }
    }

    /// <summary>Half the configured watchdog period (systemd's own recommendation), or null when no watchdog is set.</summary>
    public static TimeSpan? WatchdogPingInterval(string? watchdogUsec, string? watchdogPid, int currentPid)
    {
        if (!long.TryParse(watchdogUsec, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        // WATCHDOG_PID, when set, says which process the watchdog is meant for.
        if (!string.IsNullOrEmpty(watchdogPid) && watchdogPid != currentPid.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec / 2.0);
    }

    public void Dispose() => _socket?.Dispose();
}
