using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace ChargePoint.V2g.Sdp;

/// <summary>An interface the V2G stack runs on: its index (the IPv6 scope id) and link-local address.</summary>
public sealed record V2gNetworkInterface(string Name, int Index, IPAddress? LinkLocalAddress, bool SupportsMulticast)
{
    /// <summary>Finds the interface by name. Throws <see cref="InvalidOperationException"/> (a configuration
    /// error) when it does not exist or has no IPv6.</summary>
    public static V2gNetworkInterface Resolve(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var nic = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == name)
            ?? throw new InvalidOperationException($"V2G interface '{name}' does not exist.");
        if (!nic.Supports(NetworkInterfaceComponent.IPv6))
        {
            throw new InvalidOperationException($"V2G interface '{name}' has no IPv6.");
        }

        var properties = nic.GetIPProperties();
        var index = properties.GetIPv6Properties().Index;
        var candidates = properties.UnicastAddresses
            .Select(u => u.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetworkV6 && a.IsIPv6LinkLocal)
            .ToList();

        // Prefer an address the kernel lets us bind: right after the link comes up, one may still be tentative.
        var unusable = Ipv6AddressStates.Unusable(name);
        var linkLocal = candidates.FirstOrDefault(a => !unusable.Contains(new IPAddress(a.GetAddressBytes()))) ?? candidates.FirstOrDefault();
        var scoped = linkLocal is null ? null : new IPAddress(linkLocal.GetAddressBytes(), index);
        return new V2gNetworkInterface(name, index, scoped, nic.SupportsMulticast);
    }
}
