namespace ChargePoint.V2g.Sdp;

/// <summary>Outcome of SDP negotiation: answer with <see cref="Security"/>, or stay silent for <see cref="Refusal"/>.</summary>
public readonly record struct SdpDecision(SdpSecurity Security, SdpRefusal Refusal)
{
    public bool Answers => Refusal == SdpRefusal.None;

    public static SdpDecision Answer(SdpSecurity security) => new(security, SdpRefusal.None);

    public static SdpDecision Refuse(SdpRefusal refusal) => new(default, refusal);
}

public enum SdpRefusal
{
    None,

    /// <summary>The EV asked for a transport other than TCP.</summary>
    UnsupportedTransport,

    /// <summary>No listener that the policy allows is up (e.g. TLS required but its certificate is unusable).</summary>
    NoUsableListener,
}
