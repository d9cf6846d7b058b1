namespace ChargePoint.V2g.Transport;

/// <summary>Why a V2GTP header (or the frame it announces) was rejected.</summary>
public enum V2gtpHeaderError
{
    None = 0,

    /// <summary>Fewer than 8 header bytes, or the stream ended inside a frame.</summary>
    Truncated,

    /// <summary>Byte 0 is not 0x01.</summary>
    UnsupportedVersion,

    /// <summary>Byte 1 is not the bitwise inverse of the version (0xFE).</summary>
    InverseVersionMismatch,

    /// <summary>Announced payload length exceeds the configured maximum.</summary>
    PayloadTooLong,

    /// <summary>Payload type not valid on this channel (reserved, or SDP on the TCP connection).</summary>
    UnknownPayloadType,
}
