using ChargePoint.V2g.Exi.Iso2;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.XmlDsig;

namespace ChargePoint.V2g.Exi.Tests.Wildcards;

/// <summary>
/// ISO 15118-2 declares {MsgBody}eMAID with two types (eMAIDType, EMAIDType), so an eMAID fragment uses the
/// schema-informed element fragment grammar (EXI 1.0 §8.5.3); every other fragment root keeps its own grammar.
/// </summary>
public sealed class RelaxedFragmentTests
{
    private const string MsgBody = "urn:iso:15118:2:2013:MsgBody";
    private const string MsgDataTypes = "urn:iso:15118:2:2013:MsgDataTypes";

    [Fact]
    public void OnlyIso2EmaidIsDeclaredWithDifferentTypes()
    {
        Assert.Equal([(MsgBody, "eMAID")], XsdDeclarations.Iso2.DeclaredWithDifferentTypes);
        Assert.Empty(XsdDeclarations.Iso20Common.DeclaredWithDifferentTypes);
        Assert.Empty(XsdDeclarations.XmlDsig.DeclaredWithDifferentTypes);

        // The codecs agree: only the eMAID root of the -2 fragment set has a relaxed (ExiElement) value.
        var random = new Random(1);
        Assert.Equal([Iso2FragmentRoot.eMAID], Enum.GetValues<Iso2FragmentRoot>().Where(r => Iso2FragmentCodec.CreateSample(r, random).Value is ExiElement));
        Assert.DoesNotContain(Enum.GetValues<Iso20CommonFragmentRoot>(), r => Iso20CommonFragmentCodec.CreateSample(r, random).Value is ExiElement);
        Assert.DoesNotContain(Enum.GetValues<XmlDsigFragmentRoot>(), r => XmlDsigFragmentCodec.CreateSample(r, random).Value is ExiElement);
    }

    /// <summary>
    /// The fragment's first events for an eMAID. F (m element qnames) and A (n attribute qnames) come from the
    /// XSDs: SE(eMAID) is its position in F among SE(F), SE(*), ED (ceil(log2(m + 2)) bits). ElementFragment0 has
    /// AT(A) 0..n-1, AT(*) n, SE(F) n+1..n+m, SE(*) n+m+1, EE n+m+2, CH n+m+3 and the escape: ceil(log2(n + m + 5))
    /// bits; ElementFragment2 has SE(F) 0..m-1, SE(*) m, EE m+1, CH m+2 and the escape: ceil(log2(m + 4)) bits.
    /// </summary>
    private static (ExpectedBits Bits, int N, int M, int Start, int Content) Start()
    {
        var facts = XsdDeclarations.Iso2;
        var m = facts.Elements.Count;
        var n = facts.Attributes.Count;
        var bits = new ExpectedBits().Bits(8, 0x80).Bits(SchemaFacts.BitsFor(m + 2), facts.ElementCode(MsgBody, "eMAID"));
        return (bits, n, m, SchemaFacts.BitsFor(n + m + 5), SchemaFacts.BitsFor(m + 4));
    }

    private static string Encode(ExiElement emaid)
    {
        var buffer = new byte[256];
        return Convert.ToHexStringLower(buffer, 0, Iso2FragmentCodec.Encode(new Iso2FragmentDocument(Iso2FragmentRoot.eMAID, emaid), buffer));
    }

    private static void AssertRoundTrips(string hex)
    {
        var decoded = Iso2FragmentCodec.Decode(Convert.FromHexString(hex));
        var buffer = new byte[256];
        Assert.Equal(hex, Convert.ToHexStringLower(buffer, 0, Iso2FragmentCodec.Encode(decoded, buffer)));
        var xml = Iso2FragmentCodec.ToXml(decoded);
        Assert.Equal(hex, Convert.ToHexStringLower(buffer, 0, Iso2FragmentCodec.Encode(Iso2FragmentCodec.FromXml(xml), buffer)));
    }

    [Fact]
    public void AnEmaidWithItsIdAttributeUsesTheRelaxedGrammar()
    {
        // <b:eMAID t:Id="id1">DE1234567890AB</b:eMAID> (EMAIDType: Id is qualified in MsgDataTypes).
        var (bits, n, m, start, content) = Start();
        Assert.Equal((10, 243), (n, m));
        var expected = bits
            .Bits(start, XsdDeclarations.Iso2.AttributeCode(MsgDataTypes, "Id")).ValueLiteral("id1")
            .Bits(start, n + m + 3).ValueLiteral("DE1234567890AB")
            .Bits(content, m + 1)
            .Bits(SchemaFacts.BitsFor(m + 2), m + 1);

        var emaid = new ExiElement(MsgBody, "eMAID") { Attributes = { new ExiAttribute(MsgDataTypes, "Id", "id1") }, Children = { new ExiText("DE1234567890AB") } };
        Assert.Equal(expected.Hex, Encode(emaid));

        var decoded = Assert.IsType<ExiElement>(Iso2FragmentCodec.Decode(Convert.FromHexString(expected.Hex)).Value);
        Assert.Equal(("Id", "id1", "DE1234567890AB"), (decoded.Attributes[0].LocalName, decoded.Attributes[0].Value, ((ExiText)decoded.Children[0]).Value));
        AssertRoundTrips(expected.Hex);
    }

    [Fact]
    public void AnEmaidWithoutAttributesIsItsTextBetweenTheStartAndEE()
    {
        // <b:eMAID>DE1234567890AB</b:eMAID> (eMAIDType): CH from ElementFragment0, then EE of ElementFragment2.
        var (bits, n, m, start, content) = Start();
        var expected = bits.Bits(start, n + m + 3).ValueLiteral("DE1234567890AB").Bits(content, m + 1).Bits(SchemaFacts.BitsFor(m + 2), m + 1);
        Assert.Equal(expected.Hex, Encode(new ExiElement(MsgBody, "eMAID") { Children = { new ExiText("DE1234567890AB") } }));
        AssertRoundTrips(expected.Hex);

        // An empty eMAID is EE straight from ElementFragment0.
        var empty = Start();
        Assert.Equal(empty.Bits.Bits(empty.Start, empty.N + empty.M + 2).Bits(SchemaFacts.BitsFor(empty.M + 2), empty.M + 1).Hex, Encode(new ExiElement(MsgBody, "eMAID")));
    }

    [Fact]
    public void ADeclaredChildOfARelaxedElementUsesItsDeclarationsGrammar()
    {
        // <b:eMAID>x<b:EVSEID>DE*ABC*E1</b:EVSEID></b:eMAID>: after CH, SE(F) codes stand without the attribute offset.
        var (bits, n, m, start, content) = Start();
        var expected = bits.Bits(start, n + m + 3).ValueLiteral("x")
            .Bits(content, XsdDeclarations.Iso2.ElementCode(MsgBody, "EVSEID"))
            // EVSEID's own grammar (a string of 7 to 37 characters): CH 0, value, EE 0.
            .Bits(1, 0).ValueLiteral("DE*ABC*E1").Bits(1, 0)
            .Bits(content, m + 1).Bits(SchemaFacts.BitsFor(m + 2), m + 1);
        var emaid = new ExiElement(MsgBody, "eMAID") { Children = { new ExiText("x"), new ExiTypedElement(MsgBody, "EVSEID", "DE*ABC*E1") } };
        Assert.Equal(expected.Hex, Encode(emaid));
        var decoded = Assert.IsType<ExiElement>(Iso2FragmentCodec.Decode(Convert.FromHexString(expected.Hex)).Value);
        Assert.Equal("DE*ABC*E1", Assert.IsType<ExiTypedElement>(decoded.Children[1]).Value);
        AssertRoundTrips(expected.Hex);
    }

    [Fact]
    public void TheEmaidInsideACertificateInstallationResStillUsesItsTypedGrammar()
    {
        // Only the fragment root is relaxed: as a child of a typed element, eMAID is the EMAIDType it is declared as.
        var random = new Random(7);
        var document = Iso2FragmentCodec.CreateSample(Iso2FragmentRoot.CertificateInstallationRes, random);
        var res = Assert.IsType<Iso2.CertificateInstallationResType>(document.Value);
        Assert.IsType<EMAIDType>(res.eMAID);
        var buffer = new byte[ExiLimits.MaxMessageBytes];
        var length = Iso2FragmentCodec.Encode(document, buffer);
        var again = new byte[ExiLimits.MaxMessageBytes];
        Assert.Equal(buffer[..length], again[..Iso2FragmentCodec.Encode(Iso2FragmentCodec.Decode(buffer.AsSpan(0, length)), again)]);
    }

    [Fact]
    public void TheXmlDsigFragmentRootsAreTheSchemasElementNames()
    {
        Assert.Equal(XsdDeclarations.XmlDsig.Elements.Select(e => e.Local), Enum.GetNames<XmlDsigFragmentRoot>());
        Assert.Equal(SchemaFacts.FragmentElements, Enum.GetNames<XmlDsigFragmentRoot>());
    }
}
