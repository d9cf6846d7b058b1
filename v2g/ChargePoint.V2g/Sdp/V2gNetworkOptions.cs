using System.ComponentModel.DataAnnotations;

namespace ChargePoint.V2g.Sdp;

/// <summary>Where the V2G stack listens; configuration section <c>V2g</c> (e.g. <c>--V2g:Interface=eth1</c>).</summary>
public sealed class V2gNetworkOptions
{
    public const string SectionName = "V2g";

    /// <summary>The standard SDP port.</summary>
    public const int StandardSdpPort = 15118;

    /// <summary>The PLC interface (or the veth/test interface). SDP joins ff02::1 there and the V2G
    /// listeners bind its IPv6 link-local address.</summary>
    public string? Interface { get; set; }

    [Range(1, 65535)]
    public int SdpPort { get; set; } = StandardSdpPort;

    public SdpSecurityPolicy SecurityPolicy { get; set; } = SdpSecurityPolicy.TlsOffered;

    /// <summary>V2G TLS port; 0 picks a free port of the dynamic range 49152–65535.</summary>
    [Range(0, 65535)]
    public int TlsPort { get; set; }

    /// <summary>Plain TCP port (only used when the policy allows plain TCP); 0 picks a dynamic port.</summary>
    [Range(0, 65535)]
    public int TcpPort { get; set; }
}
