using System.Buffers.Binary;

namespace ChargePoint.Cli.Pcap;

/// <summary>
/// Writes a pcapng file (IETF draft-ietf-opsawg-pcapng): one Section Header Block, one Interface Description Block
/// for Ethernet (LINKTYPE_ETHERNET = 1, microsecond timestamps) and an Enhanced Packet Block per frame. Blocks are
/// little-endian, padded to 32 bits, with the block length repeated at the end.
/// </summary>
internal sealed class PcapngWriter
{
    public const uint SectionHeaderType = 0x0A0D0D0A;
    public const uint InterfaceDescriptionType = 0x00000001;
    public const uint EnhancedPacketType = 0x00000006;
    public const uint ByteOrderMagic = 0x1A2B3C4D;
    public const ushort LinkTypeEthernet = 1;
    private const uint SnapLength = 262_144;
    private readonly Stream _output;

    public PcapngWriter(Stream output, string application)
    {
        _output = output;
        WriteSectionHeader(application);
        WriteInterfaceDescription();
    }

    public void WritePacket(DateTimeOffset timestamp, ReadOnlySpan<byte> frame)
    {
        var micros = (ulong)((timestamp - DateTimeOffset.UnixEpoch).Ticks / (TimeSpan.TicksPerMillisecond / 1000));
        var body = new byte[20 + Pad(frame.Length)];
        BinaryPrimitives.WriteUInt32LittleEndian(body, 0); // interface 0
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), (uint)(micros >> 32));
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(8), (uint)micros);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(12), (uint)frame.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(16), (uint)frame.Length);
        frame.CopyTo(body.AsSpan(20));
        WriteBlock(EnhancedPacketType, body);
    }

    private void WriteSectionHeader(string application)
    {
        var options = new List<byte>();
        AddOption(options, 4, System.Text.Encoding.UTF8.GetBytes(application)); // shb_userappl
        AddOption(options, 0, []); // opt_endofopt
        var body = new byte[16 + options.Count];
        BinaryPrimitives.WriteUInt32LittleEndian(body, ByteOrderMagic);
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(4), 1); // major
        BinaryPrimitives.WriteUInt16LittleEndian(body.AsSpan(6), 0); // minor
        BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(8), -1); // section length not specified
        options.CopyTo(body, 16);
        WriteBlock(SectionHeaderType, body);
    }

    private void WriteInterfaceDescription()
    {
        var body = new byte[8];
        BinaryPrimitives.WriteUInt16LittleEndian(body, LinkTypeEthernet);
        BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(4), SnapLength);
        WriteBlock(InterfaceDescriptionType, body);
    }

    private static void AddOption(List<byte> options, ushort code, byte[] value)
    {
        Span<byte> header = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(header, code);
        BinaryPrimitives.WriteUInt16LittleEndian(header[2..], (ushort)value.Length);
        options.AddRange(header.ToArray());
        options.AddRange(value);
        options.AddRange(new byte[Pad(value.Length) - value.Length]);
    }

    private void WriteBlock(uint type, byte[] body)
    {
        var total = (uint)(12 + body.Length);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(word, type);
        _output.Write(word);
        BinaryPrimitives.WriteUInt32LittleEndian(word, total);
        _output.Write(word);
        _output.Write(body);
        _output.Write(word);
    }

    private static int Pad(int length) => (length + 3) & ~3;
}
