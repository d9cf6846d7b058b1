namespace ChargePoint.V2g.Sdp;

/// <summary>How the SECC answers the EV's security request (configuration <c>V2g:SecurityPolicy</c>).</summary>
public enum SdpSecurityPolicy
{
    /// <summary>Only TLS is ever announced; with the TLS listener down, SDP stays silent.</summary>
    TlsRequired,

    /// <summary>Follow the EV's request where possible; fall back to what is actually up.</summary>
    TlsOffered,

    /// <summary>Only plain TCP is announced (DIN 70121 / ISO 15118-2 test benches; never carries -20).</summary>
    TlsOff,
}
