using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Sdp;

/// <summary>SDP request (payload type 0x9000): 2 bytes, Security then TransportProtocol; 10-byte datagram.</summary>
public readonly record struct SdpRequest(SdpSecurity Security, SdpTransportProtocol TransportProtocol)
{
    public const int PayloadLength = 2;

    public static SdpDatagramError TryParse(ReadOnlySpan<byte> datagram, out SdpRequest request)
    {
        request = default;
        var error = SdpDatagram.TryReadPayload(datagram, V2gtpPayloadType.SdpRequest, PayloadLength, out var payload);
        if (error != SdpDatagramError.None)
        {
            return error;
        }

        var security = (SdpSecurity)payload[0];
        var transport = (SdpTransportProtocol)payload[1];
        if (!Enum.IsDefined(security) || !Enum.IsDefined(transport))
        {
            return SdpDatagramError.InvalidField;
        }

        request = new SdpRequest(security, transport);
        return SdpDatagramError.None;
    }

    public byte[] ToDatagram() => SdpDatagram.Frame(V2gtpPayloadType.SdpRequest, [(byte)Security, (byte)TransportProtocol]);
}
