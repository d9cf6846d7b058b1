using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Sdp;

/// <summary>SDP response (payload type 0x9001): SECC IPv6 address (16), TCP port (2, big-endian),
/// Security, TransportProtocol; 20-byte payload, 28-byte datagram.</summary>
public readonly record struct SdpResponse(IPAddress Address, ushort Port, SdpSecurity Security, SdpTransportProtocol TransportProtocol)
{
    public const int PayloadLength = 20;

    /// <summary>Parses a response. The address carries no scope on the wire; pass the interface index on
    /// which it arrived so a link-local address is usable for connecting.</summary>
    public static SdpDatagramError TryParse(ReadOnlySpan<byte> datagram, long scopeId, out SdpResponse response)
    {
        response = default;
        var error = SdpDatagram.TryReadPayload(datagram, V2gtpPayloadType.SdpResponse, PayloadLength, out var payload);
        if (error != SdpDatagramError.None)
        {
            return error;
        }

        var address = new IPAddress(payload[..16]);
        if (address.IsIPv6LinkLocal && scopeId > 0)
        {
            address.ScopeId = scopeId;
        }

        var port = BinaryPrimitives.ReadUInt16BigEndian(payload[16..]);
        var security = (SdpSecurity)payload[18];
        var transport = (SdpTransportProtocol)payload[19];
        if (port == 0 || !Enum.IsDefined(security) || !Enum.IsDefined(transport))
        {
            return SdpDatagramError.InvalidField;
        }

        response = new SdpResponse(address, port, security, transport);
        return SdpDatagramError.None;
    }

    public IPEndPoint EndPoint => new(Address, Port);

    public byte[] ToDatagram()
    {
        if (Address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new InvalidOperationException("SDP announces an IPv6 address only.");
        }

        Span<byte> payload = stackalloc byte[PayloadLength];
        Address.TryWriteBytes(payload[..16], out _);
        BinaryPrimitives.WriteUInt16BigEndian(payload[16..], Port);
        payload[18] = (byte)Security;
        payload[19] = (byte)TransportProtocol;
        return SdpDatagram.Frame(V2gtpPayloadType.SdpResponse, payload);
    }
}
