using System.Buffers.Binary;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// The 8-byte V2GTP header, big-endian: protocol version 0x01, its inverse 0xFE, payload type (uint16),
/// payload length (uint32, header excluded). Identical in DIN 70121, ISO 15118-2 and -20, for TCP and SDP.
/// </summary>
public readonly record struct V2gtpHeader(ushort PayloadType, uint PayloadLength)
{
    public const int Size = 8;
    public const byte ProtocolVersion = 0x01;
    public const byte InverseProtocolVersion = 0xFE;

    /// <summary>Checks version, inverse version and length against <paramref name="maxPayloadLength"/>.
    /// Returns <see cref="V2gtpHeaderError.None"/> and the header when valid.</summary>
    public static V2gtpHeaderError TryParse(ReadOnlySpan<byte> source, long maxPayloadLength, out V2gtpHeader header)
    {
        header = default;
        if (source.Length < Size)
        {
            return V2gtpHeaderError.Truncated;
        }

        if (source[0] != ProtocolVersion)
        {
            return V2gtpHeaderError.UnsupportedVersion;
        }

        if (source[1] != InverseProtocolVersion)
        {
            return V2gtpHeaderError.InverseVersionMismatch;
        }

        var payloadType = BinaryPrimitives.ReadUInt16BigEndian(source[2..]);
        var payloadLength = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);
        header = new V2gtpHeader(payloadType, payloadLength);
        return payloadLength > maxPayloadLength ? V2gtpHeaderError.PayloadTooLong : V2gtpHeaderError.None;
    }

    /// <summary>Writes the header into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    public void WriteTo(Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, Size, nameof(destination));
        destination[0] = ProtocolVersion;
        destination[1] = InverseProtocolVersion;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], PayloadType);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], PayloadLength);
    }
}
