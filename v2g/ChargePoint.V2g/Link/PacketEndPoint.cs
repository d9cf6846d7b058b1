using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace ChargePoint.V2g.Link;

/// <summary>
/// A Linux <c>sockaddr_ll</c> (20 bytes) for binding an <see cref="AddressFamily.Packet"/> socket to one interface:
/// family u16 @0, protocol u16 big-endian @2, ifindex i32 host order @4, hatype u16 @8, pkttype u8 @10,
/// halen u8 @11, addr[8] @12. After bind, the socket's local end point carries the interface's MAC.
/// </summary>
public sealed class PacketEndPoint(int interfaceIndex, ushort protocol, MacAddress? hardwareAddress = null) : EndPoint
{
    private const int SockaddrLlSize = 20;

    public int InterfaceIndex { get; } = interfaceIndex;

    public ushort Protocol { get; } = protocol;

    /// <summary>The interface MAC, as getsockname reports it (null before bind).</summary>
    public MacAddress? HardwareAddress { get; } = hardwareAddress;

    public override AddressFamily AddressFamily => AddressFamily.Packet;

    public override SocketAddress Serialize()
    {
        var address = new SocketAddress(AddressFamily.Packet, SockaddrLlSize);
        var buffer = address.Buffer.Span;
        BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], Protocol);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[4..], InterfaceIndex);
        return address;
    }

    public override EndPoint Create(SocketAddress socketAddress)
    {
        ArgumentNullException.ThrowIfNull(socketAddress);
        var buffer = socketAddress.Buffer.Span;
        if (buffer.Length < SockaddrLlSize)
        {
            return new PacketEndPoint(0, 0);
        }

        MacAddress? mac = buffer[11] == MacAddress.Length ? MacAddress.Read(buffer[12..]) : null;
        return new PacketEndPoint(BinaryPrimitives.ReadInt32LittleEndian(buffer[4..]), BinaryPrimitives.ReadUInt16BigEndian(buffer[2..]), mac);
    }

    public override string ToString() => $"sockaddr_ll(ifindex {InterfaceIndex}, protocol 0x{Protocol:X4}, {HardwareAddress?.ToString() ?? "no address"})";
}
