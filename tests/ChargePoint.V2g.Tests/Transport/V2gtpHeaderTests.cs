using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.Transport;

public sealed class V2gtpHeaderTests
{
    [Fact]
    public void Parses_a_valid_header_big_endian()
    {
        byte[] bytes = [0x01, 0xFE, 0x80, 0x02, 0x00, 0x00, 0x01, 0x02];

        var error = V2gtpHeader.TryParse(bytes, 1024, out var header);

        Assert.Equal(V2gtpHeaderError.None, error);
        Assert.Equal((ushort)V2gtpPayloadType.CommonMessages, header.PayloadType);
        Assert.Equal(0x102u, header.PayloadLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0xFD, 0x80, 0x02, 0, 0, 0, 1 }, V2gtpHeaderError.UnsupportedVersion)]
    [InlineData(new byte[] { 0x01, 0xFF, 0x80, 0x02, 0, 0, 0, 1 }, V2gtpHeaderError.InverseVersionMismatch)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x80, 0x02, 0, 0, 4, 1 }, V2gtpHeaderError.PayloadTooLong)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x80, 0x02, 0xFF, 0xFF, 0xFF, 0xFF }, V2gtpHeaderError.PayloadTooLong)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x80 }, V2gtpHeaderError.Truncated)]
    public void Rejects_bad_headers(byte[] bytes, V2gtpHeaderError expected) =>
        Assert.Equal(expected, V2gtpHeader.TryParse(bytes, 1024, out _));

    [Fact]
    public void Accepts_payload_exactly_at_the_limit()
    {
        byte[] bytes = [0x01, 0xFE, 0x80, 0x01, 0x00, 0x00, 0x04, 0x00];

        Assert.Equal(V2gtpHeaderError.None, V2gtpHeader.TryParse(bytes, 1024, out _));
    }

    [Fact]
    public void Encoded_frame_matches_the_wire_layout()
    {
        var frame = V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.DcMessages, new byte[] { 0xAA, 0xBB }));

        Assert.Equal(new byte[] { 0x01, 0xFE, 0x80, 0x04, 0x00, 0x00, 0x00, 0x02, 0xAA, 0xBB }, frame);
    }

    [Theory]
    [InlineData(0x8001, true)]
    [InlineData(0x8006, true)]
    [InlineData(0x8007, false)]
    [InlineData(0x8104, true)]
    [InlineData(0x9000, false)]
    [InlineData(0x9001, false)]
    [InlineData(0x0000, false)]
    public void Knows_which_payload_types_belong_on_the_connection(int payloadType, bool known) =>
        Assert.Equal(known, V2gtpPayloadTypes.IsKnownOnConnection((ushort)payloadType));
}
