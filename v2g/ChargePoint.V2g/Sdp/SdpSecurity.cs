namespace ChargePoint.V2g.Sdp;

/// <summary>SDP "Security" byte: whether the V2G connection is secured with TLS.</summary>
public enum SdpSecurity : byte
{
    Tls = 0x00,
    None = 0x10,
}
