using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Sdp;

/// <summary>V2GTP framing of SDP datagrams: the same 8-byte header, then a fixed-size payload.</summary>
public static class SdpDatagram
{
    /// <summary>Largest SDP payload (the wireless request, 62 bytes); anything longer is not SDP.</summary>
    public const int MaxPayloadLength = 62;

    /// <summary>Reads the header and returns the payload type, or an error for a malformed datagram.</summary>
    public static SdpDatagramError TryReadHeader(ReadOnlySpan<byte> datagram, out V2gtpHeader header)
    {
        var headerError = V2gtpHeader.TryParse(datagram, MaxPayloadLength, out header);
        if (headerError == V2gtpHeaderError.PayloadTooLong)
        {
            return SdpDatagramError.WrongLength;
        }

        if (headerError != V2gtpHeaderError.None)
        {
            return SdpDatagramError.BadHeader;
        }

        return datagram.Length == V2gtpHeader.Size + header.PayloadLength ? SdpDatagramError.None : SdpDatagramError.WrongLength;
    }

    /// <summary>Checks payload type and exact payload length, then hands out the payload.</summary>
    public static SdpDatagramError TryReadPayload(ReadOnlySpan<byte> datagram, V2gtpPayloadType expectedType, int expectedLength, out ReadOnlySpan<byte> payload)
    {
        payload = default;
        var error = TryReadHeader(datagram, out var header);
        if (error != SdpDatagramError.None)
        {
            return error;
        }

        if (header.PayloadType != (ushort)expectedType)
        {
            return SdpDatagramError.UnexpectedPayloadType;
        }

        if (header.PayloadLength != expectedLength)
        {
            return SdpDatagramError.WrongLength;
        }

        payload = datagram.Slice(V2gtpHeader.Size, expectedLength);
        return SdpDatagramError.None;
    }

    /// <summary>Header plus payload, ready to send.</summary>
    public static byte[] Frame(V2gtpPayloadType payloadType, ReadOnlySpan<byte> payload)
    {
        var datagram = new byte[V2gtpHeader.Size + payload.Length];
        new V2gtpHeader((ushort)payloadType, (uint)payload.Length).WriteTo(datagram);
        payload.CopyTo(datagram.AsSpan(V2gtpHeader.Size));
        return datagram;
    }
}
