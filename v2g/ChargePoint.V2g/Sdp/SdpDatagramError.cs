namespace ChargePoint.V2g.Sdp;

/// <summary>Why an SDP datagram was not accepted. Bad datagrams are dropped (UDP has no connection to close).</summary>
public enum SdpDatagramError
{
    None = 0,

    /// <summary>The V2GTP header check failed (version, inverse version, truncated).</summary>
    BadHeader,

    /// <summary>Valid header, but not the SDP payload type expected here.</summary>
    UnexpectedPayloadType,

    /// <summary>Payload length field or datagram size does not match the message layout.</summary>
    WrongLength,

    /// <summary>A field holds a value outside its defined set.</summary>
    InvalidField,
}
