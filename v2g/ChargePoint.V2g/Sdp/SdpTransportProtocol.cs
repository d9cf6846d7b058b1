namespace ChargePoint.V2g.Sdp;

/// <summary>SDP "TransportProtocol" byte. Only TCP carries V2G messages; 0x10 (UDP) is reserved.</summary>
public enum SdpTransportProtocol : byte
{
    Tcp = 0x00,
    Udp = 0x10,
}
