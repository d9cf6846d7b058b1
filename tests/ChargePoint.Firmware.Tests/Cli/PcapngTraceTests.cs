using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json;
using ChargePoint.Cli.Pcap;
using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary><c>cpdiag trace --pcap</c>'s capture, read back with a reader written from the pcapng block layout,
/// with every layer checked (Ethernet, IPv6, TCP checksum and sequence, V2GTP header, WebSocket framing).</summary>
public sealed class PcapngTraceTests
{
    private static JsonElement Vector(string file, string name) =>
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "ChargePoint.V2g.Exi.Tests", "vectors", "exi", file)))
            .RootElement.EnumerateArray().Single(v => v.GetProperty("name").GetString() == name);

    [Fact]
    public void A_trace_becomes_a_valid_pcapng_with_v2gtp_over_tcp_ipv6_and_ocpp_as_websocket_text()
    {
        var sap = Convert.FromHexString(Vector("app-protocol.json", "SupportedAppProtocolReq_20DC_20AC_2_DIN").GetProperty("exi").GetString()!);
        var longOcpp = Encoding.UTF8.GetBytes($"[2,\"m1\",\"BootNotification\",{{\"reason\":\"PowerUp\",\"chargingStation\":{{\"model\":\"{new string('x', 300)}\",\"vendorName\":\"cp\"}}}}]");
        var answer = Encoding.UTF8.GetBytes("[3,\"m1\",{\"status\":\"Accepted\",\"interval\":300,\"currentTime\":\"2026-01-01T00:00:00Z\"}]");
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var trace = new SessionTrace("1-test", [
            new(t0, TraceProtocols.Ocpp, "tx", "csms", null, longOcpp, ""),
            new(t0.AddMilliseconds(5), TraceProtocols.Ocpp, "rx", "csms", null, answer, ""),
            new(t0.AddSeconds(1), TraceProtocols.V2gtp, "rx", "tcp-1", 0x8001, sap, ""),
        ]);
        using var output = new MemoryStream();

        var written = TraceCapture.Write(trace, output);

        var capture = PcapngReader.Read(output.ToArray());
        Assert.Equal(1, capture.LinkType);
        Assert.Equal(written, capture.Packets.Count);
        Assert.Equal("cpdiag trace 1-test", capture.Application);
        var segments = capture.Packets.Select(p => Tcp.Parse(p.Frame)).ToList();
        Assert.All(segments, s => Assert.True(s.ChecksumValid, "TCP checksum"));
        var v2g = segments.Where(s => s.DestinationPort == 15118 && s.Payload.Length > 0).ToList();
        var frame = Assert.Single(v2g).Payload;
        Assert.Equal([0x01, 0xFE, 0x80, 0x01], frame[..4]);
        Assert.Equal((uint)sap.Length, BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(4)));
        Assert.Equal(sap, frame[8..]);
        Assert.True(IPAddress.Parse("fe80::2").Equals(Assert.Single(v2g).Source), "the EV's link-local address");
        var toCsms = Reassemble(segments.Where(s => s.DestinationPort == 80));
        var fromCsms = Reassemble(segments.Where(s => s.SourcePort == 80));
        Assert.StartsWith("GET /ocpp/station HTTP/1.1\r\n", Encoding.ASCII.GetString(toCsms), StringComparison.Ordinal);
        Assert.Contains("Sec-WebSocket-Accept: ", Encoding.ASCII.GetString(fromCsms), StringComparison.Ordinal);
        Assert.Equal(longOcpp, WebSocketPayload(toCsms[(Array.IndexOf(toCsms, (byte)0x81))..], expectMask: true));
        Assert.Equal(answer, WebSocketPayload(fromCsms[(Encoding.ASCII.GetString(fromCsms).IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..], expectMask: false));
        Assert.Equal((ulong)(t0 - DateTimeOffset.UnixEpoch).Ticks / 10, capture.Packets[0].TimestampMicros);
    }

    [TsharkFact]
    public async Task Tshark_reads_the_capture_when_installed()
    {
        var tshark = TsharkFactAttribute.Path!;

        var file = Path.Combine(Path.GetTempPath(), $"cp-trace-{Guid.NewGuid():N}.pcapng");
        try
        {
            await using (var output = File.Create(file))
            {
                TraceCapture.Write(new SessionTrace("t", [new(DateTimeOffset.UtcNow, TraceProtocols.Ocpp, "tx", "csms", null, "[2,\"1\",\"Heartbeat\",{}]"u8.ToArray(), "")]), output);
            }

            var run = await ProcessRunner.RunAsync(tshark, ["-r", file, "-Y", "websocket", "-T", "fields", "-e", "websocket.payload"], TimeSpan.FromMinutes(1));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.NotEmpty(run.StandardOutput.Trim());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static byte[] Reassemble(IEnumerable<Tcp> segments) =>
        segments.Where(s => s.Payload.Length > 0).OrderBy(s => s.Sequence).SelectMany(s => s.Payload).ToArray();

    /// <summary>RFC 6455 §5.2 framing, decoded independently of the writer.</summary>
    private static byte[] WebSocketPayload(byte[] frame, bool expectMask)
    {
        Assert.Equal(0x81, frame[0]); // FIN, text
        Assert.Equal(expectMask, (frame[1] & 0x80) != 0);
        var length = frame[1] & 0x7F;
        var at = 2;
        if (length == 126)
        {
            length = BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(2));
            at = 4;
        }

        var key = expectMask ? frame[at..(at + 4)] : null;
        at += expectMask ? 4 : 0;
        var payload = frame[at..(at + length)];
        for (var i = 0; key is not null && i < payload.Length; i++)
        {
            payload[i] ^= key[i % 4];
        }

        return payload;
    }

    internal sealed record Tcp(IPAddress Source, ushort SourcePort, ushort DestinationPort, uint Sequence, byte[] Payload, bool ChecksumValid)
    {
        public static Tcp Parse(byte[] frame)
        {
            Assert.Equal(0x86DD, BinaryPrimitives.ReadUInt16BigEndian(frame.AsSpan(12)));
            var ip = frame.AsSpan(14);
            Assert.Equal(6, ip[0] >> 4);
            Assert.Equal(6, ip[6]); // next header TCP
            var payloadLength = BinaryPrimitives.ReadUInt16BigEndian(ip[4..]);
            Assert.Equal(frame.Length - 14 - 40, payloadLength);
            var tcp = ip.Slice(40, payloadLength);
            var headerLength = (tcp[12] >> 4) * 4;
            // Summing the pseudo-header and the segment with its checksum in place gives 0xFFFF (RFC 1071).
            ulong sum = 0;
            for (var i = 0; i < 32; i += 2)
            {
                sum += (uint)((ip[8 + i] << 8) | ip[8 + i + 1]);
            }

            sum += (uint)tcp.Length + 6u;
            for (var i = 0; i < tcp.Length; i += 2)
            {
                sum += (uint)((tcp[i] << 8) | (i + 1 < tcp.Length ? tcp[i + 1] : 0));
            }

            while (sum >> 16 != 0)
            {
                sum = (sum & 0xFFFF) + (sum >> 16);
            }

            return new Tcp(
                new IPAddress(ip.Slice(8, 16)),
                BinaryPrimitives.ReadUInt16BigEndian(tcp),
                BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]),
                BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]),
                tcp[headerLength..].ToArray(),
                sum == 0xFFFF);
        }
    }
}
