using System.Globalization;
using System.Net;

namespace ChargePoint.V2g.Sdp;

/// <summary>
/// The kernel's view of IPv6 address states (<c>/proc/net/if_inet6</c>: address, ifindex, prefix length, scope,
/// flags, name). A fresh interface's link-local address stays tentative during duplicate address detection and
/// cannot be bound until it ends; one whose detection failed never can.
/// </summary>
public static class Ipv6AddressStates
{
    /// <summary>IFA_F_DADFAILED (linux/if_addr.h).</summary>
    private const int DadFailed = 0x08;

    /// <summary>IFA_F_TENTATIVE (linux/if_addr.h).</summary>
    private const int Tentative = 0x40;

    private const string ProcFile = "/proc/net/if_inet6";

    /// <summary>The addresses of <paramref name="interfaceName"/> that cannot be bound yet (tentative or failed DAD),
    /// read from the kernel; empty where the file does not exist.</summary>
    public static IReadOnlySet<IPAddress> Unusable(string interfaceName) =>
        File.Exists(ProcFile) ? Unusable(File.ReadLines(ProcFile), interfaceName) : new HashSet<IPAddress>();

    /// <summary>Parses <c>if_inet6</c> lines; malformed lines are skipped.</summary>
    public static IReadOnlySet<IPAddress> Unusable(IEnumerable<string> lines, string interfaceName)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var result = new HashSet<IPAddress>();
        foreach (var line in lines)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6 || fields[5] != interfaceName || fields[0].Length != 32
                || !int.TryParse(fields[4], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var flags))
            {
                continue;
            }

            var address = new byte[16];
            if ((flags & (Tentative | DadFailed)) != 0
                && Convert.FromHexString(fields[0], address, out _, out _) == System.Buffers.OperationStatus.Done)
            {
                result.Add(new IPAddress(address));
            }
        }

        return result;
    }
}
