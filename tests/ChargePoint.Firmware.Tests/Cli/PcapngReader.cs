using System.Buffers.Binary;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>
/// An independent pcapng reader written from the block layout of the pcapng specification
/// (draft-ietf-opsawg-pcapng §4): every block is type, total length, body, total length again, 32-bit aligned;
/// the file starts with a Section Header Block (0x0A0D0D0A) whose byte-order magic is 0x1A2B3C4D. It throws on
/// any structural violation and returns the Enhanced Packet Blocks' frames.
/// </summary>
internal static class PcapngReader
{
    public sealed record Packet(ulong TimestampMicros, byte[] Frame);

    public sealed record Capture(ushort LinkType, IReadOnlyList<Packet> Packets, string? Application);

    public static Capture Read(byte[] file)
    {
        var offset = 0;
        ushort? linkType = null;
        string? application = null;
        var packets = new List<Packet>();
        var first = true;
        while (offset < file.Length)
        {
            Require(file.Length - offset >= 12, "truncated block header");
            var type = BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + 4));
            Require(length % 4 == 0 && length >= 12 && offset + length <= file.Length, $"bad block length {length} at {offset}");
            Require(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset + length - 4)) == length, $"trailing length differs at {offset}");
            var body = file.AsSpan(offset + 8, length - 12);
            Require(!first || type == 0x0A0D0D0A, "the first block is not a Section Header Block");
            switch (type)
            {
                case 0x0A0D0D0A:
                    Require(BinaryPrimitives.ReadUInt32LittleEndian(body) == 0x1A2B3C4D, "byte-order magic");
                    Require(BinaryPrimitives.ReadUInt16LittleEndian(body[4..]) == 1, "major version 1");
                    application = ReadOptions(body[16..]).GetValueOrDefault((ushort)4);
                    break;
                case 0x00000001:
                    linkType = BinaryPrimitives.ReadUInt16LittleEndian(body);
                    break;
                case 0x00000006:
                    Require(linkType is not null, "a packet before any Interface Description Block");
                    Require(BinaryPrimitives.ReadUInt32LittleEndian(body) == 0, "interface id");
                    var micros = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(body[4..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(body[8..]);
                    var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[12..]);
                    var original = (int)BinaryPrimitives.ReadUInt32LittleEndian(body[16..]);
                    Require(captured == original && 20 + ((captured + 3) & ~3) <= body.Length, "packet lengths");
                    packets.Add(new Packet(micros, body.Slice(20, captured).ToArray()));
                    break;
                default:
                    break;
            }

            first = false;
            offset += length;
        }

        Require(linkType is not null, "no Interface Description Block");
        return new Capture(linkType!.Value, packets, application);
    }

    private static Dictionary<ushort, string> ReadOptions(ReadOnlySpan<byte> options)
    {
        var values = new Dictionary<ushort, string>();
        while (options.Length >= 4)
        {
            var code = BinaryPrimitives.ReadUInt16LittleEndian(options);
            var length = BinaryPrimitives.ReadUInt16LittleEndian(options[2..]);
            if (code == 0)
            {
                break;
            }

            values[code] = System.Text.Encoding.UTF8.GetString(options.Slice(4, length));
            options = options[(4 + ((length + 3) & ~3))..];
        }

        return values;
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidDataException("pcapng: " + what);
        }
    }
}
