using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using ChargePoint.Firmware.Contracts.Diagnostics;

namespace ChargePoint.Cli.Pcap;

/// <summary>
/// Turns a session trace into a pcapng capture: V2GTP messages as TCP over IPv6 link-local between the EV and the
/// SECC (port 15118, each message with its 8-byte V2GTP header, ISO 15118-2 §7.8.3), and OCPP frames as WebSocket
/// text frames (RFC 6455 §5.2; the station's frames masked as a client's must be) over TCP to the CSMS on port 80,
/// after a synthesized HTTP Upgrade so analysers follow the WebSocket conversation. TLS is not reproduced: the
/// trace holds the plaintext messages.
/// </summary>
internal static class TraceCapture
{
    public const ushort SeccPort = 15118;
    public const ushort CsmsPort = 80;
    private static readonly Endpoint Secc = new([0x02, 0, 0, 0, 0, 0x01], IPAddress.Parse("fe80::1"), SeccPort);
    private static readonly Endpoint Station = new([0x02, 0, 0, 0, 0, 0x01], IPAddress.Parse("2001:db8::10"), 50000);
    private static readonly Endpoint Csms = new([0x02, 0, 0, 0, 0, 0xC5], IPAddress.Parse("2001:db8::1"), CsmsPort);
    private const string WebSocketKey = "Y2hhcmdlcG9pbnQtdHJhY2U=";

    /// <summary>Writes the capture; returns the number of packets.</summary>
    public static int Write(SessionTrace trace, Stream output)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var writer = new PcapngWriter(output, "cpdiag trace " + trace.SessionId);
        var packets = new PacketSynthesizer(writer);
        var evPorts = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var last = DateTimeOffset.UnixEpoch;
        TcpFlow? ocpp = null;
        foreach (var message in trace.Messages)
        {
            last = message.Timestamp;
            var received = message.Direction == "rx";
            if (message.Protocol == TraceProtocols.V2gtp)
            {
                if (!evPorts.TryGetValue(message.Connection, out var port))
                {
                    port = (ushort)(49152 + evPorts.Count);
                    evPorts[message.Connection] = port;
                }

                var ev = new Endpoint([0x02, 0, 0, 0, 0, 0x02], IPAddress.Parse("fe80::2"), port);
                var flow = packets.Flow("v2g:" + message.Connection, ev, Secc, message.Timestamp);
                packets.Send(message.Timestamp, flow, fromClient: received, V2gtpFrame(message.PayloadType ?? 0, message.Raw));
            }
            else if (message.Protocol == TraceProtocols.Ocpp)
            {
                ocpp ??= OpenOcpp(packets, message.Timestamp);
                packets.Send(message.Timestamp, ocpp, fromClient: !received, WebSocketTextFrame(message.Raw, masked: !received));
            }
        }

        packets.CloseAll(last);
        return packets.Packets;
    }

    /// <summary>The station's WebSocket to the CSMS, opened with the HTTP Upgrade exchange (RFC 6455 §4).</summary>
    private static TcpFlow OpenOcpp(PacketSynthesizer packets, DateTimeOffset at)
    {
        var flow = packets.Flow("ocpp", Station, Csms, at);
        packets.Send(at, flow, fromClient: true, Encoding.ASCII.GetBytes(
            "GET /ocpp/station HTTP/1.1\r\nHost: csms\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: {WebSocketKey}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp2.1\r\n\r\n"));
#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept with SHA-1; it protects nothing here.
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(WebSocketKey + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        packets.Send(at, flow, fromClient: false, Encoding.ASCII.GetBytes(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Accept: {accept}\r\nSec-WebSocket-Protocol: ocpp2.1\r\n\r\n"));

        return flow;
    }

    public static byte[] V2gtpFrame(int payloadType, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        frame[0] = 0x01; // protocol version
        frame[1] = 0xFE; // inverse protocol version
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payloadType);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    /// <summary>One final text frame (FIN + opcode 1) with the 7/16/64-bit length forms; client frames carry a mask.</summary>
    public static byte[] WebSocketTextFrame(byte[] payload, bool masked)
    {
        var header = new List<byte> { 0x81 };
        var maskBit = masked ? (byte)0x80 : (byte)0;
        if (payload.Length < 126)
        {
            header.Add((byte)(maskBit | payload.Length));
        }
        else if (payload.Length <= ushort.MaxValue)
        {
            header.Add((byte)(maskBit | 126));
            header.Add((byte)(payload.Length >> 8));
            header.Add((byte)payload.Length);
        }
        else
        {
            header.Add((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            header.AddRange(length);
        }

        var body = (byte[])payload.Clone();
        if (masked)
        {
            byte[] key = [0x37, 0xFA, 0x21, 0x3D];
            header.AddRange(key);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] ^= key[i % 4];
            }
        }

        return [.. header, .. body];
    }
}
