namespace ChargePoint.V2g.Sdp;

/// <summary>
/// Chooses the security announced in the SDP response from the EV's request, the configured policy and
/// which listeners are really up. TLS is announced only while the TLS listener accepts connections
/// (cars have hung when pointed at a TLS port that was announced but not usable).
/// </summary>
public static class SdpNegotiator
{
    public static SdpDecision Decide(SdpRequest request, SdpSecurityPolicy policy, bool tlsUp, bool plainUp)
    {
        if (request.TransportProtocol != SdpTransportProtocol.Tcp)
        {
            return SdpDecision.Refuse(SdpRefusal.UnsupportedTransport);
        }

        return policy switch
        {
            SdpSecurityPolicy.TlsRequired => tlsUp ? SdpDecision.Answer(SdpSecurity.Tls) : SdpDecision.Refuse(SdpRefusal.NoUsableListener),
            SdpSecurityPolicy.TlsOff => plainUp ? SdpDecision.Answer(SdpSecurity.None) : SdpDecision.Refuse(SdpRefusal.NoUsableListener),
            _ => Offered(request.Security, tlsUp, plainUp),
        };
    }

    /// <summary>Give the EV what it asked for if that is up, otherwise the other kind if that is up:
    /// some cars ask for TLS and continue without it when the SECC answers so.</summary>
    private static SdpDecision Offered(SdpSecurity requested, bool tlsUp, bool plainUp)
    {
        var (preferred, preferredUp, other, otherUp) = requested == SdpSecurity.Tls
            ? (SdpSecurity.Tls, tlsUp, SdpSecurity.None, plainUp)
            : (SdpSecurity.None, plainUp, SdpSecurity.Tls, tlsUp);
        if (preferredUp)
        {
            return SdpDecision.Answer(preferred);
        }

        return otherUp ? SdpDecision.Answer(other) : SdpDecision.Refuse(SdpRefusal.NoUsableListener);
    }
}
