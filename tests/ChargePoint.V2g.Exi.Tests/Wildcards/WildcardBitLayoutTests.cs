using ChargePoint.V2g.Exi.XmlDsig;

namespace ChargePoint.V2g.Exi.Tests.Wildcards;

/// <summary>
/// Wildcard content of xmldsig, bit by bit as EXI 1.0 prescribes it (strict = false: a state with n first-level
/// productions is ceil(log2(n + 1)) bits wide). The xmldsig fragment set has 5 URIs before a stream adds any
/// ("", xml, xsi, xsd, xmldsig; Appendix D.1), so a URI costs ceil(log2(5 + 1)) = 3 bits; its unqualified
/// local-name partition holds the 7 attribute names Algorithm, Encoding, Id, MimeType, Target, Type, URI.
/// </summary>
public sealed class WildcardBitLayoutTests
{
    private static ExpectedBits Fragment(string root) =>
        new ExpectedBits().Bits(8, 0x80).Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentCode(root));

    private static string Encode(XmlDsigFragmentRoot root, object value)
    {
        var buffer = new byte[1024];
        return Convert.ToHexStringLower(buffer, 0, XmlDsigFragmentCodec.Encode(new XmlDsigFragmentDocument(root, value), buffer));
    }

    private static XmlDsigFragmentDocument Decode(string hex) => XmlDsigFragmentCodec.Decode(Convert.FromHexString(hex));

    /// <summary>Decode-then-encode and the XML bridge both give back the same bytes.</summary>
    private static void AssertRoundTrips(string hex)
    {
        var decoded = Decode(hex);
        var buffer = new byte[1024];
        Assert.Equal(hex, Convert.ToHexStringLower(buffer, 0, XmlDsigFragmentCodec.Encode(decoded, buffer)));
        var xml = XmlDsigFragmentCodec.ToXml(decoded);
        var parsed = XmlDsigFragmentCodec.FromXml(xml);
        Assert.Equal(hex, Convert.ToHexStringLower(buffer, 0, XmlDsigFragmentCodec.Encode(parsed, buffer)));
        Assert.Equal(xml, XmlDsigFragmentCodec.ToXml(parsed));
    }

    [Fact]
    public void AnUndeclaredElementInATransformIsCodedWithItsBuiltInGrammarWhichLearns()
    {
        // <Transform Algorithm="a"><x:e a="v">hi</x:e><x:e a="w"/></Transform>, x = urn:x
        var first = new ExiElement("urn:x", "e") { Attributes = { new ExiAttribute("", "a", "v") }, Children = { new ExiText("hi") } };
        var second = new ExiElement("urn:x", "e") { Attributes = { new ExiAttribute("", "a", "w") } };
        var transform = new TransformType { Algorithm = "a", Items = { new TransformTypeItem { Any = first }, new TransformTypeItem { Any = second } } };

        var expected = Fragment("Transform")
            // TransformType before its one attribute: AT(Algorithm) is the only production -> 1 bit, code 0.
            .Bits(1, 0).ValueLiteral("a")
            // Content (mixed choice of any | XPath, repeated): SE(XPath) 0, SE(*) 1, EE 2, CH 3 -> 3 bits.
            .Bits(3, 1)
            // qname: URI miss (0 in 3 bits, then the String "urn:x"), local-name miss (length + 1, then "e").
            .Bits(3, 0).Unsigned(5).Chars("urn:x").Unsigned(2).Chars("e")
            // New built-in grammar: StartTagContent has no first-level production (0 bits); second level
            // EE 0, AT(*) 1, SE(*) 2, CH 3 (2 bits). AT(*): URI "" hits (id 0 -> 1 in ceil(log2(6 + 1)) = 3 bits),
            // "a" misses the 7 unqualified names; the value is a literal (length + 2).
            .Bits(2, 1).Bits(3, 1).Unsigned(2).Chars("a").ValueLiteral("v")
            // StartTagContent now has AT(a) at code 0 -> 1 bit; escape 1, then CH (3) on the second level.
            .Bits(1, 1).Bits(2, 3).ValueLiteral("hi")
            // ElementContent: EE is its only first-level production -> 1 bit, code 0.
            .Bits(1, 0)
            // Back in TransformType: SE(*) again (schema-informed grammars do not learn).
            .Bits(3, 1)
            // URI "urn:x" now hits (id 5 -> 6 in 3 bits); "e" hits its one-entry partition: 0, then 0 bits.
            .Bits(3, 6).Unsigned(0)
            // StartTagContent learned AT(a) then CH: CH 0, AT(a) 1, escape 2 -> 2 bits.
            .Bits(2, 1).ValueLiteral("w")
            // EE not learned yet in StartTagContent: escape (2) then EE (0) on the second level.
            .Bits(2, 2).Bits(2, 0)
            // TransformType EE (2 of 3 bits), then the fragment's ED.
            .Bits(3, 2).Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentEnd);

        Assert.Equal(expected.Hex, Encode(XmlDsigFragmentRoot.Transform, transform));
        var decoded = (TransformType)Decode(expected.Hex).Value;
        Assert.Equal(2, decoded.Items.Count);
        var e1 = Assert.IsType<ExiElement>(decoded.Items[0].Any);
        Assert.Equal(("urn:x", "e", "a", "v", "hi"), (e1.Namespace, e1.LocalName, e1.Attributes[0].LocalName, e1.Attributes[0].Value, ((ExiText)e1.Children[0]).Value));
        var e2 = Assert.IsType<ExiElement>(decoded.Items[1].Any);
        Assert.Equal("w", e2.Attributes[0].Value);
        Assert.False(e2.HasChildren);
        AssertRoundTrips(expected.Hex);
    }

    [Fact]
    public void AWildcardElementThatIsAGlobalElementOfTheSetUsesThatElementsGrammar()
    {
        // <Object><KeyName>k1</KeyName></Object>: Object admits ##any, and ds:KeyName is a global string element.
        var dsNames = SchemaFacts.DsLocalNames;
        var expected = Fragment("Object")
            // ObjectType before its optional attributes Encoding, Id, MimeType: AT x3, SE(*), EE, CH -> 3 bits.
            .Bits(3, 3)
            // URI xmldsig hits (id 4 -> 5); "KeyName" hits the xmldsig partition (sorted per Appendix D.3).
            .Bits(3, 5).Unsigned(0).Bits(SchemaFacts.BitsFor(dsNames.Count), dsNames.ToList().IndexOf("KeyName"))
            // KeyName's own grammar (a string): CH 0 (1 bit), the value, EE 0 (1 bit) - not the built-in one.
            .Bits(1, 0).ValueLiteral("k1").Bits(1, 0)
            // ObjectType after the wildcard: SE(*) 0, EE 1, CH 2 -> 2 bits.
            .Bits(2, 1).Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentEnd);

        var typed = new ObjectType { Any = { new ExiTypedElement(SchemaFacts.Ds, "KeyName", "k1") } };
        Assert.Equal(expected.Hex, Encode(XmlDsigFragmentRoot.Object, typed));
        var schemaLess = new ObjectType { Any = { new ExiElement(SchemaFacts.Ds, "KeyName") { Children = { new ExiText("k1") } } } };
        Assert.Equal(expected.Hex, Encode(XmlDsigFragmentRoot.Object, schemaLess));

        var decoded = (ObjectType)Decode(expected.Hex).Value;
        var node = Assert.IsType<ExiTypedElement>(Assert.Single(decoded.Any));
        Assert.Equal("k1", node.Value);
        AssertRoundTrips(expected.Hex);
    }

    [Fact]
    public void MixedTextIsCodedAsUntypedCharactersBetweenTheChildren()
    {
        // <Transform Algorithm="a">text<XPath>p</XPath>tail</Transform>
        var transform = new TransformType
        {
            Algorithm = "a",
            Items = { new TransformTypeItem { XPath = "p" } },
            Text = { new ExiTextSegment(0, "text"), new ExiTextSegment(1, "tail") },
        };
        var expected = Fragment("Transform").Bits(1, 0).ValueLiteral("a")
            // CH [untyped value] is code 3 of SE(XPath), SE(*), EE, CH; the value is a String literal.
            .Bits(3, 3).ValueLiteral("text")
            // SE(XPath) 0, then XPath's string grammar: CH 0, value, EE 0.
            .Bits(3, 0).Bits(1, 0).ValueLiteral("p").Bits(1, 0)
            // After XPath the same four productions: CH 3, then EE 2.
            .Bits(3, 3).ValueLiteral("tail").Bits(3, 2)
            .Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentEnd);

        Assert.Equal(expected.Hex, Encode(XmlDsigFragmentRoot.Transform, transform));
        var decoded = (TransformType)Decode(expected.Hex).Value;
        Assert.Equal([(0, "text"), (1, "tail")], decoded.Text.Select(t => (t.Position, t.Value)));
        Assert.Contains(">text<ds:XPath>p</ds:XPath>tail</ds:Transform>", XmlDsigFragmentCodec.ToXml(Decode(expected.Hex)), StringComparison.Ordinal);
        AssertRoundTrips(expected.Hex);
    }

    [Fact]
    public void TextBeforeTheFirstChildLeavesTheAttributeStateForTheContentStart()
    {
        // <KeyInfo>t<KeyName>n</KeyName></KeyInfo>: before the optional Id, the state holds AT(Id) 0, the seven
        // SE(qname) 1..7, SE(*) 8 and CH 9 (no EE: the choice occurs at least once) -> 4 bits. CH leads to the
        // content start, whose codes differ: SE(KeyName) 0 .. SE(MgmtData) 6, SE(*) 7, CH 8 -> 4 bits.
        var keyInfo = new KeyInfoType { Items = { new KeyInfoTypeItem { KeyName = "n" } }, Text = { new ExiTextSegment(0, "t") } };
        var expected = Fragment("KeyInfo")
            .Bits(4, 9).ValueLiteral("t")
            .Bits(4, 0).Bits(1, 0).ValueLiteral("n").Bits(1, 0)
            // After an item: the seven SE(qname), SE(*) 7, EE 8, CH 9 -> EE is 8 of 4 bits.
            .Bits(4, 8).Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentEnd);

        Assert.Equal(expected.Hex, Encode(XmlDsigFragmentRoot.KeyInfo, keyInfo));
        AssertRoundTrips(expected.Hex);
    }

    /// <summary>
    /// Object holding <paramref name="depth"/> nested &lt;x:e&gt; elements. The first comes through ObjectType's
    /// SE(*) (code 3 of 3 bits) with a URI and a local-name miss; the second through the new built-in grammar's
    /// second-level SE(*) (0 bits + 2 bits) with both names hitting; that learns SE(e) at code 0 of the shared
    /// grammar of x:e, so every deeper one costs 1 bit. The innermost ends with the escape (1) and the
    /// second-level EE (0, 2 bits); each outer one with ElementContent's EE (0, 1 bit).
    /// </summary>
    private static string Nested(int depth)
    {
        var bits = Fragment("Object").Bits(3, 3).Bits(3, 0).Unsigned(5).Chars("urn:x").Unsigned(2).Chars("e")
            .Bits(2, 2).Bits(3, 6).Unsigned(0);
        for (var level = 3; level <= depth; level++)
        {
            bits.Bits(1, 0);
        }

        bits.Bits(1, 1).Bits(2, 0);
        for (var level = 1; level < depth; level++)
        {
            bits.Bits(1, 0);
        }

        return bits.Bits(2, 1).Bits(SchemaFacts.FragmentBits, SchemaFacts.FragmentEnd).Hex;
    }

    [Fact]
    public void BuiltInContentMayNestUpToTheLimitAndNoDeeper()
    {
        var deepest = Nested(ExiLimits.MaxWildcardDepth);
        var decoded = (ObjectType)Decode(deepest).Value;
        var depth = 0;
        for (ExiNode? node = Assert.Single(decoded.Any); node is ExiElement e; node = e.HasChildren ? e.Children[0] : null)
        {
            depth++;
        }

        Assert.Equal(ExiLimits.MaxWildcardDepth, depth);
        AssertRoundTrips(deepest);

        var tooDeep = Assert.Throws<ExiException>(() => Decode(Nested(ExiLimits.MaxWildcardDepth + 1)));
        Assert.Contains("nests deeper", tooDeep.Message, StringComparison.Ordinal);

        var chain = new ExiElement("urn:x", "e");
        var root = chain;
        for (var i = 0; i < ExiLimits.MaxWildcardDepth; i++)
        {
            var child = new ExiElement("urn:x", "e");
            chain.Children.Add(child);
            chain = child;
        }

        Assert.Throws<ExiException>(() => Encode(XmlDsigFragmentRoot.Object, new ObjectType { Any = { root } }));
    }

    [Fact]
    public void AnOtherNamespaceWildcardRejectsTheTargetNamespaceAndNoNamespaceBothWays()
    {
        // KeyInfo's wildcard is ##other: an xmldsig element that is not declared there is outside the schema.
        var keyInfo = new KeyInfoType { Items = { new KeyInfoTypeItem { Any = new ExiElement(SchemaFacts.Ds, "Foreign") } } };
        Assert.Throws<ExiException>(() => Encode(XmlDsigFragmentRoot.KeyInfo, keyInfo));
        keyInfo.Items[0].Any = new ExiElement("", "local");
        Assert.Throws<ExiException>(() => Encode(XmlDsigFragmentRoot.KeyInfo, keyInfo));

        // The same stream with the xmldsig URI (hit 4 -> 5) where the wildcard is: the decoder refuses it too.
        var stream = Fragment("KeyInfo").Bits(4, 8).Bits(3, 5).Unsigned(0).Bits(SchemaFacts.BitsFor(SchemaFacts.DsLocalNames.Count), 0).Hex;
        Assert.Contains("not admitted", Assert.Throws<ExiException>(() => Decode(stream)).Message, StringComparison.Ordinal);
    }
}
