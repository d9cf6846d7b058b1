using System.Numerics;
using ChargePoint.V2g.Exi.XmlDsig;

namespace ChargePoint.V2g.Exi.Tests.Wildcards;

/// <summary>
/// Repeated choices and sequences (xmldsig X509Data, KeyInfo) keep the order of their items through EXI and
/// the XML bridge; EXI codes each occurrence as it comes (EXI 1.0 §8.5.4.1.5, unbounded particles).
/// </summary>
public sealed class RepeatedGroupTests
{
    private static X509DataTypeItem Certificate(byte first) => new() { X509Certificate = [first, 2, 3] };

    private static X509DataType Interleaved() => new()
    {
        Items =
        {
            Certificate(1),
            new X509DataTypeItem { X509IssuerSerial = new X509IssuerSerialType { X509IssuerName = "CN=CA", X509SerialNumber = new BigInteger(5) } },
            Certificate(9),
        },
    };

    [Fact]
    public void X509DataItemsKeepTheirInterleavingBitForBit()
    {
        // X509Data: sequence(1..unbounded) of choice(X509IssuerSerial, X509SKI, X509SubjectName, X509Certificate,
        // X509CRL, ##other). Before the first item: the six SE, no EE -> 3 bits; after an item: the six SE and
        // EE (6) -> still 3 bits. SE(X509Certificate) is 3.
        var expected = new ExpectedBits().Bits(8, 0x80).Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentCode("X509Data"))
            // base64Binary: CH 0 (1 bit), length then octets, EE 0 (1 bit).
            .Bits(3, 3).Bits(1, 0).Unsigned(3).Bits(8, 1).Bits(8, 2).Bits(8, 3).Bits(1, 0)
            // SE(X509IssuerSerial) 0; X509IssuerName (the only production, 1 bit) then its string, then
            // X509SerialNumber (1 bit) with xs:integer: sign 0 and magnitude 5; IssuerSerial's EE (1 bit).
            .Bits(3, 0).Bits(1, 0).Bits(1, 0).ValueLiteral("CN=CA").Bits(1, 0)
            .Bits(1, 0).Bits(1, 0).Bits(1, 0).Unsigned(5).Bits(1, 0).Bits(1, 0)
            .Bits(3, 3).Bits(1, 0).Unsigned(3).Bits(8, 9).Bits(8, 2).Bits(8, 3).Bits(1, 0)
            .Bits(3, 6).Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentEnd);

        var buffer = new byte[256];
        var length = XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.X509Data, Interleaved()), buffer);
        Assert.Equal(expected.Hex, Convert.ToHexStringLower(buffer, 0, length));

        var decoded = XmlDsigFragmentCodec.Decode(buffer.AsSpan(0, length));
        var items = ((X509DataType)decoded.Value).Items;
        Assert.Equal([1, 0, 9], items.Select(i => i.X509Certificate?[0] ?? 0));
        Assert.NotNull(items[1].X509IssuerSerial);
        var again = new byte[256];
        Assert.Equal(expected.Hex, Convert.ToHexStringLower(again, 0, XmlDsigFragmentCodec.Encode(decoded, again)));

        var xml = XmlDsigFragmentCodec.ToXml(decoded);
        Assert.True(xml.IndexOf("AQID", StringComparison.Ordinal) < xml.IndexOf("X509IssuerSerial", StringComparison.Ordinal));
        Assert.True(xml.IndexOf("X509IssuerSerial", StringComparison.Ordinal) < xml.IndexOf("CQID", StringComparison.Ordinal));
        Assert.Equal(expected.Hex, Convert.ToHexStringLower(again, 0, XmlDsigFragmentCodec.Encode(XmlDsigFragmentCodec.FromXml(xml), again)));
    }

    [Fact]
    public void KeyInfoItemsOfDifferentKindsKeepTheirOrderThroughXml()
    {
        const string Xml = """
            <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:KeyName>first</ds:KeyName><ds:X509Data><ds:X509SubjectName>CN=EV</ds:X509SubjectName></ds:X509Data><ds:KeyName>second</ds:KeyName></ds:KeyInfo>
            """;
        var parsed = XmlDsigFragmentCodec.FromXml(Xml);
        var items = ((KeyInfoType)parsed.Value).Items;
        Assert.Equal(["first", null, "second"], items.Select(i => i.KeyName));
        Assert.Equal("CN=EV", items[1].X509Data!.Items[0].X509SubjectName);

        var buffer = new byte[256];
        var length = XmlDsigFragmentCodec.Encode(parsed, buffer);
        var decoded = XmlDsigFragmentCodec.Decode(buffer.AsSpan(0, length));
        Assert.Equal(["first", null, "second"], ((KeyInfoType)decoded.Value).Items.Select(i => i.KeyName));
        Assert.Equal(XmlDsigFragmentCodec.ToXml(parsed), XmlDsigFragmentCodec.ToXml(decoded));
    }

    [Fact]
    public void AChoiceItemMustHoldExactlyOneAlternative()
    {
        var data = new X509DataType { Items = { new X509DataTypeItem { X509SubjectName = "a", X509SKI = [1] } } };
        var buffer = new byte[128];
        Assert.Throws<ExiException>(() => XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.X509Data, data), buffer));
        data.Items[0] = new X509DataTypeItem();
        Assert.Throws<ExiException>(() => XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.X509Data, data), buffer));
        data.Items.Clear();
        Assert.Throws<ExiException>(() => XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.X509Data, data), buffer));
    }

    [Fact]
    public void ASequenceItemContinuesUntilItsFirstLeafComesAgain()
    {
        // SPKIData: sequence(1..unbounded) of SPKISexp, ##other?. The wildcard after a SPKISexp belongs to the
        // same item; the next SPKISexp starts a new one.
        var data = new SPKIDataType
        {
            Items =
            {
                new SPKIDataTypeItem { SPKISexp = [1], Any = new ExiElement("urn:x", "a") },
                new SPKIDataTypeItem { SPKISexp = [2] },
            },
        };
        var buffer = new byte[128];
        var length = XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(XmlDsigFragmentRoot.SPKIData, data), buffer);
        var decoded = (SPKIDataType)XmlDsigFragmentCodec.Decode(buffer.AsSpan(0, length)).Value;
        Assert.Equal(2, decoded.Items.Count);
        Assert.IsType<ExiElement>(decoded.Items[0].Any);
        Assert.Null(decoded.Items[1].Any);
        Assert.Equal(2, decoded.Items[1].SPKISexp![0]);
    }
}
