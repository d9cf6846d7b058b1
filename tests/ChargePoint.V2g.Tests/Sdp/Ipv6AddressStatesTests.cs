using System.Net;
using ChargePoint.V2g.Sdp;

namespace ChargePoint.V2g.Tests.Sdp;

/// <summary>Reading tentative and DAD-failed addresses from the kernel's <c>if_inet6</c> format.</summary>
public sealed class Ipv6AddressStatesTests
{
    // Lines in the kernel's format (the flags column is IFA_F_*: 0x80 permanent, 0x40 tentative, 0x08 dadfailed).
    private static readonly string[] Lines =
    [
        "fe80000000000000000000000000c001 05 40 20 80 veth-secc",
        "fe800000000000004c5cb4fffe12a0b1 05 40 20 c0 veth-secc",
        "fe80000000000000dead00fffe000008 05 40 20 88 veth-secc",
        "fe800000000000004c5cb4fffe12a0b2 06 40 20 c0 veth-ev",
        "garbage line",
        "00000000000000000000000000000001 01 80 10 80       lo",
    ];

    [Fact]
    public void Tentative_and_dad_failed_addresses_of_the_interface_are_unusable()
    {
        var unusable = Ipv6AddressStates.Unusable(Lines, "veth-secc");

        Assert.Equal(2, unusable.Count);
        Assert.Contains(IPAddress.Parse("fe80::4c5c:b4ff:fe12:a0b1"), unusable);
        Assert.Contains(IPAddress.Parse("fe80::dead:ff:fe00:8"), unusable);
        Assert.DoesNotContain(IPAddress.Parse("fe80::c001"), unusable);
    }

    [Fact]
    public void Another_interface_and_malformed_lines_are_ignored()
    {
        Assert.Empty(Ipv6AddressStates.Unusable(Lines, "lo"));
        Assert.Empty(Ipv6AddressStates.Unusable(["fe80 05 40 20 c0 veth-secc", "zz800000000000004c5cb4fffe12a0b1 05 40 20 c0 veth-secc"], "veth-secc"));
    }
}
