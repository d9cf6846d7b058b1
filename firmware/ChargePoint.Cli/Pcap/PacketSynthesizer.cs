using System.Buffers.Binary;
using System.Net;

namespace ChargePoint.Cli.Pcap;

/// <summary>
/// Builds Ethernet II / IPv6 / TCP frames around captured application bytes, so a trace (which keeps only the
/// messages) opens in a packet analyser as ordinary conversations. Each flow gets a three-way handshake, then
/// its data in segments of at most <see cref="SegmentSize"/> bytes with consistent sequence and ack numbers and
/// valid checksums (RFC 8200 §8.1 pseudo-header).
/// </summary>
internal sealed class PacketSynthesizer
{
    public const int SegmentSize = 1400;
    private const byte TcpProtocol = 6;
    private const byte FlagFin = 0x01;
    private const byte FlagSyn = 0x02;
    private const byte FlagPsh = 0x08;
    private const byte FlagAck = 0x10;
    private readonly Dictionary<string, TcpFlow> _flows = new(StringComparer.Ordinal);
    private readonly PcapngWriter _writer;

    public PacketSynthesizer(PcapngWriter writer) => _writer = writer;

    public int Packets { get; private set; }

    /// <summary>Opens (once) the flow named <paramref name="key"/> from client to server.</summary>
    public TcpFlow Flow(string key, Endpoint client, Endpoint server, DateTimeOffset at)
    {
        if (_flows.TryGetValue(key, out var flow))
        {
            return flow;
        }

        flow = new TcpFlow(client, server, (uint)(0x1000_0000 + (_flows.Count * 0x0100_0000)), (uint)(0x8000_0000 + (_flows.Count * 0x0100_0000)));
        _flows[key] = flow;
        Emit(at, flow, fromClient: true, FlagSyn, []);
        flow.ClientSeq++;
        Emit(at, flow, fromClient: false, FlagSyn | FlagAck, []);
        flow.ServerSeq++;
        Emit(at, flow, fromClient: true, FlagAck, []);
        return flow;
    }

    public void Send(DateTimeOffset at, TcpFlow flow, bool fromClient, ReadOnlySpan<byte> data)
    {
        for (var offset = 0; offset < data.Length; offset += SegmentSize)
        {
            var segment = data.Slice(offset, Math.Min(SegmentSize, data.Length - offset));
            Emit(at, flow, fromClient, FlagPsh | FlagAck, segment);
            if (fromClient)
            {
                flow.ClientSeq += (uint)segment.Length;
            }
            else
            {
                flow.ServerSeq += (uint)segment.Length;
            }
        }
    }

    /// <summary>Ends every flow with FIN/ACK both ways.</summary>
    public void CloseAll(DateTimeOffset at)
    {
        foreach (var flow in _flows.Values)
        {
            Emit(at, flow, fromClient: true, FlagFin | FlagAck, []);
            flow.ClientSeq++;
            Emit(at, flow, fromClient: false, FlagFin | FlagAck, []);
            flow.ServerSeq++;
            Emit(at, flow, fromClient: true, FlagAck, []);
        }
    }

    private void Emit(DateTimeOffset at, TcpFlow flow, bool fromClient, int flags, ReadOnlySpan<byte> data)
    {
        var (source, destination) = fromClient ? (flow.Client, flow.Server) : (flow.Server, flow.Client);
        var seq = fromClient ? flow.ClientSeq : flow.ServerSeq;
        var ack = (flags & FlagAck) != 0 ? (fromClient ? flow.ServerSeq : flow.ClientSeq) : 0;
        _writer.WritePacket(at, Frame(source, destination, seq, ack, (byte)flags, data));
        Packets++;
    }

    public static byte[] Frame(Endpoint source, Endpoint destination, uint seq, uint ack, byte flags, ReadOnlySpan<byte> data)
    {
        const int ethernet = 14, ipv6 = 40, tcp = 20;
        var frame = new byte[ethernet + ipv6 + tcp + data.Length];
        destination.Mac.CopyTo(frame, 0);
        source.Mac.CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x86DD);
        var ip = frame.AsSpan(ethernet, ipv6);
        ip[0] = 0x60; // version 6, traffic class 0, flow label 0
        BinaryPrimitives.WriteUInt16BigEndian(ip[4..], (ushort)(tcp + data.Length));
        ip[6] = TcpProtocol;
        ip[7] = 64; // hop limit
        source.Address.GetAddressBytes().CopyTo(ip[8..]);
        destination.Address.GetAddressBytes().CopyTo(ip[24..]);
        var segment = frame.AsSpan(ethernet + ipv6);
        BinaryPrimitives.WriteUInt16BigEndian(segment, source.Port);
        BinaryPrimitives.WriteUInt16BigEndian(segment[2..], destination.Port);
        BinaryPrimitives.WriteUInt32BigEndian(segment[4..], seq);
        BinaryPrimitives.WriteUInt32BigEndian(segment[8..], ack);
        segment[12] = (tcp / 4) << 4;
        segment[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(segment[14..], 65535); // window
        data.CopyTo(segment[tcp..]);
        BinaryPrimitives.WriteUInt16BigEndian(segment[16..], TcpChecksum(ip[8..24], ip[24..40], segment));
        return frame;
    }

    /// <summary>Internet checksum over the IPv6 pseudo-header (addresses, upper-layer length, next header) and the segment.</summary>
    public static ushort TcpChecksum(ReadOnlySpan<byte> source, ReadOnlySpan<byte> destination, ReadOnlySpan<byte> segment)
    {
        ulong sum = 0;
        sum = Add(sum, source);
        sum = Add(sum, destination);
        sum += (uint)segment.Length >> 16;
        sum += (uint)segment.Length & 0xFFFF;
        sum += TcpProtocol;
        sum = Add(sum, segment);
        while (sum >> 16 != 0)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return (ushort)~sum;
    }

    private static ulong Add(ulong sum, ReadOnlySpan<byte> bytes)
    {
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            sum += (uint)((bytes[i] << 8) | bytes[i + 1]);
        }

        if ((bytes.Length & 1) == 1)
        {
            sum += (uint)(bytes[^1] << 8);
        }

        return sum;
    }
}

/// <summary>One side of a synthesized conversation.</summary>
internal sealed record Endpoint(byte[] Mac, IPAddress Address, ushort Port);

/// <summary>A TCP conversation's endpoints and next sequence numbers.</summary>
internal sealed class TcpFlow(Endpoint client, Endpoint server, uint clientSeq, uint serverSeq)
{
    public Endpoint Client { get; } = client;

    public Endpoint Server { get; } = server;

    public uint ClientSeq { get; set; } = clientSeq;

    public uint ServerSeq { get; set; } = serverSeq;
}
