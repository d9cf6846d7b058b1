using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ChargePoint.V2g.Tests.Sdp;

/// <summary>A fact that needs a multicast-capable interface with an IPv6 link-local address (loopback has
/// no multicast on Linux). Skipped, with the reason, where none exists.</summary>
public sealed class MulticastFactAttribute : FactAttribute
{
    public MulticastFactAttribute()
    {
        if (FindInterfaceName() is null)
        {
            Skip = "No up, multicast-capable interface with an IPv6 link-local address";
        }
    }

    public static string? FindInterfaceName() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up
                && n.SupportsMulticast
                && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .FirstOrDefault(n => n.GetIPProperties().UnicastAddresses
                .Any(u => u.Address.AddressFamily == AddressFamily.InterNetworkV6 && u.Address.IsIPv6LinkLocal))
            ?.Name;
}
