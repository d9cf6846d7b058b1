using System.Net.Sockets;
using System.Text;
using ChargePoint.Firmware.Systemd;

namespace ChargePoint.Firmware.Tests.Systemd;

public sealed class SystemdNotifierTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Notify_sends_one_datagram_to_the_socket_systemd_named(bool abstractNamespace)
    {
        var name = $"cp-notify-{Guid.NewGuid():N}";
        var path = abstractNamespace ? "\0" + name : Path.Combine(Path.GetTempPath(), name);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        try
        {
            using var notifier = new SystemdNotifier(abstractNamespace ? "@" + name : path);

            Assert.True(notifier.Notify("READY=1"));
            var buffer = new byte[64];
            listener.ReceiveTimeout = 5000;
            var length = listener.Receive(buffer);
            Assert.Equal("READY=1", Encoding.UTF8.GetString(buffer, 0, length));
        }
        finally
        {
            if (!abstractNamespace)
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public void Without_NOTIFY_SOCKET_nothing_is_sent()
    {
        using var notifier = new SystemdNotifier(null);

        Assert.False(notifier.IsEnabled);
        Assert.False(notifier.Notify("READY=1"));
    }

    [Theory]
    [InlineData("30000000", null, 42, 15_000)]
    [InlineData("30000000", "42", 42, 15_000)]
    [InlineData("30000000", "7", 42, null)]
    [InlineData("0", null, 42, null)]
    [InlineData("junk", null, 42, null)]
    [InlineData(null, null, 42, null)]
    public void Watchdog_is_fed_at_half_its_period_and_only_for_this_process(string? usec, string? pid, int self, int? expectedMs)
    {
        var interval = SystemdNotifier.WatchdogPingInterval(usec, pid, self);

        Assert.Equal(expectedMs is null ? null : TimeSpan.FromMilliseconds(expectedMs.Value), interval);
    }
}
