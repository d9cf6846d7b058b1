using System.Numerics;
using ChargePoint.V2g.Exi.XmlDsig;

namespace ChargePoint.V2g.Exi.Tests.Runtime;

/// <summary>
/// xs:integer beyond 64 bits (xmldsig X509SerialNumber). Bit layouts are worked by hand from EXI 1.0 §7.1.5
/// (Integer: a sign bit, then the magnitude, negative n as -n - 1) and §7.1.6 (Unsigned Integer: 7-bit groups,
/// least significant first, the high bit of each octet set while more groups follow).
/// </summary>
public sealed class BigIntegerTests
{
    private static readonly BigInteger TwoTo64 = BigInteger.One << 64;

    private static byte[] WriteAfterSevenZeroBits(BigInteger value)
    {
        var buffer = new byte[32];
        var writer = new ExiBitWriter(buffer);
        // Seven padding bits put the sign bit last in the first octet, so the groups are octet-aligned.
        writer.WriteBits(7, 0);
        ExiBigIntegers.WriteInteger(ref writer, value);
        return buffer[..writer.Finish()];
    }

    [Fact]
    public void TwoToThe64IsTenGroupsWithTheTopBitInTheLast()
    {
        // Bits 0..62 fill groups 0..8 with zeros (0x80 each: continuation set); bit 64 is bit 1 of group 9 (0x02).
        byte[] expected = [0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02];
        Assert.Equal(expected, WriteAfterSevenZeroBits(TwoTo64));
    }

    [Fact]
    public void ANegativeValueSetsTheSignBitAndWritesMinusNMinusOne()
    {
        // -(2^64) - 1 has magnitude 2^64: sign bit 1, then the same ten groups.
        byte[] expected = [0x01, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02];
        Assert.Equal(expected, WriteAfterSevenZeroBits(-TwoTo64 - 1));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("9223372036854775807")]
    [InlineData("-9223372036854775809")]
    [InlineData("18446744073709551616")]
    [InlineData("1461501637330902918203684832716283019655932542975")]
    [InlineData("-1461501637330902918203684832716283019655932542976")]
    public void ValuesRoundTripThroughTheBitStream(string text)
    {
        var value = BigInteger.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var bytes = WriteAfterSevenZeroBits(value);
        var reader = new ExiBitReader(bytes);
        Assert.Equal(0u, reader.ReadBits(7));
        Assert.Equal(value, ExiBigIntegers.ReadInteger(ref reader));
    }

    [Fact]
    public void MoreGroupsThanTheCapAreRejected()
    {
        var bytes = new byte[ExiBigIntegers.MaxGroups + 2];
        bytes.AsSpan().Fill(0x80);
        Assert.False(ReadsAnUnsigned(bytes), "an over-long integer was accepted");
    }

    [Fact]
    public void ATruncatedIntegerIsAnExiError() => Assert.False(ReadsAnUnsigned([0x80, 0x80]), "a truncated integer was accepted");

    /// <summary>True when <paramref name="bytes"/> decode as an Unsigned Integer, false on the codec's own error.</summary>
    private static bool ReadsAnUnsigned(byte[] bytes)
    {
        var reader = new ExiBitReader(bytes);
        try
        {
            ExiBigIntegers.ReadUnsigned(ref reader);
            return true;
        }
        catch (ExiException)
        {
            return false;
        }
    }

    [Fact]
    public void AnX509SerialNumberOf160BitsRoundTripsThroughExiAndXml()
    {
        var serial = BigInteger.Parse("1461501637330902918203684832716283019655932542975", System.Globalization.CultureInfo.InvariantCulture);
        var keyInfo = new KeyInfoType
        {
            Items = { new KeyInfoTypeItem { X509Data = new X509DataType { Items = { new X509DataTypeItem { X509IssuerSerial = new X509IssuerSerialType { X509IssuerName = "CN=V2G Root", X509SerialNumber = serial } } } } } },
        };
        var buffer = new byte[256];
        var length = XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.KeyInfo, keyInfo), buffer);
        var decoded = (KeyInfoType)XmlDsigFragmentCodec.Decode(buffer.AsSpan(0, length)).Value;
        Assert.Equal(serial, decoded.Items[0].X509Data!.Items[0].X509IssuerSerial!.X509SerialNumber);

        var xml = XmlDsigFragmentCodec.ToXml(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.KeyInfo, decoded));
        Assert.Contains(">1461501637330902918203684832716283019655932542975<", xml, StringComparison.Ordinal);
        var parsed = XmlDsigFragmentCodec.FromXml(xml);
        var again = new byte[256];
        Assert.Equal(buffer[..length], again[..XmlDsigFragmentCodec.Encode(parsed, again)]);
    }
}
