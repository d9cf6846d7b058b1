using System.Xml.Linq;
using ChargePoint.V2g.Exi.Iso2;

namespace ChargePoint.V2g.Exi.Tests.Wildcards;

/// <summary>
/// XML a technician writes, with wildcard and mixed content in the header signature of an ISO 15118-2 message:
/// it parses into the model, encodes, decodes and renders back with every element, attribute and text in place.
/// </summary>
public sealed class WildcardXmlBridgeTests
{
    private const string Ds = "http://www.w3.org/2000/09/xmldsig#";

    private const string Message = """
        <v2g:V2G_Message xmlns:v2g="urn:iso:15118:2:2013:MsgDef" xmlns:h="urn:iso:15118:2:2013:MsgHeader" xmlns:b="urn:iso:15118:2:2013:MsgBody" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:ext="urn:example:ext">
          <v2g:Header>
            <h:SessionID>0011223344556677</h:SessionID>
            <ds:Signature>
              <ds:SignedInfo>
                <ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/canonical-exi/"/>
                <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/>
                <ds:Reference URI="#id1">
                  <ds:Transforms>
                    <ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116">keep <ds:XPath>/a</ds:XPath> this</ds:Transform>
                  </ds:Transforms>
                  <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                  <ds:DigestValue>AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=</ds:DigestValue>
                </ds:Reference>
              </ds:SignedInfo>
              <ds:SignatureValue>AQID</ds:SignatureValue>
              <ds:KeyInfo><ds:KeyName>contract</ds:KeyName><ext:Hint level="2" ext:scope="pnc">look <ext:Ref>here</ext:Ref></ext:Hint><ds:KeyName>spare</ds:KeyName></ds:KeyInfo>
              <ds:Object Id="o1">note<ds:KeyName>typed</ds:KeyName><plain/></ds:Object>
            </ds:Signature>
          </v2g:Header>
          <v2g:Body>
            <b:SessionSetupReq>
              <b:EVCCID>0A1B2C3D4E5F</b:EVCCID>
            </b:SessionSetupReq>
          </v2g:Body>
        </v2g:V2G_Message>
        """;

    [Fact]
    public void WildcardAndMixedContentSurviveXmlToExiAndBack()
    {
        var parsed = Iso2Codec.FromXml(Message);
        var signature = ((V2G_MessageType)parsed.Value).Header.Signature!;
        var transform = signature.SignedInfo.Reference[0].Transforms!.Transform[0];
        Assert.Equal([(0, "keep "), (1, " this")], transform.Text.Select(t => (t.Position, t.Value)));
        Assert.Equal("/a", Assert.Single(transform.Items).XPath);

        var keyInfo = signature.KeyInfo!;
        Assert.Equal(["contract", null, "spare"], keyInfo.Items.Select(i => i.KeyName));
        var hint = Assert.IsType<ExiElement>(keyInfo.Items[1].Any);
        Assert.Equal([("", "level", "2"), ("urn:example:ext", "scope", "pnc")], hint.Attributes.Select(a => (a.Namespace, a.LocalName, a.Value)));
        Assert.Equal("look ", Assert.IsType<ExiText>(hint.Children[0]).Value);
        Assert.Equal("here", ((ExiText)Assert.IsType<ExiElement>(hint.Children[1]).Children[0]).Value);

        // Object is ##any: ds:KeyName is a global element, so it is typed; <plain/> has no namespace.
        var content = Assert.Single(signature.Object).Any;
        Assert.Equal("typed", Assert.IsType<ExiTypedElement>(content[0]).Value);
        Assert.Equal("", Assert.IsType<ExiElement>(content[1]).Namespace);
        Assert.Equal([(0, "note")], signature.Object[0].Text.Select(t => (t.Position, t.Value)));

        var buffer = new byte[2048];
        var length = Iso2Codec.Encode(parsed, buffer);
        var decoded = Iso2Codec.Decode(buffer.AsSpan(0, length));
        var xml = Iso2Codec.ToXml(decoded);
        Assert.Equal(Iso2Codec.ToXml(parsed), xml);
        var again = new byte[2048];
        Assert.Equal(buffer[..length], again[..Iso2Codec.Encode(Iso2Codec.FromXml(xml), again)]);

        // The rendered mixed and wildcard elements carry exactly the input's text: no indentation inside them.
        var rendered = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
        var original = XElement.Parse(Message, LoadOptions.PreserveWhitespace);
        foreach (var name in new[] { "Transform", "KeyInfo", "Object" })
        {
            Assert.Equal(Normalized(original.Descendants(XName.Get(name, Ds)).Single()), Normalized(rendered.Descendants(XName.Get(name, Ds)).Single()));
        }
    }

    [Fact]
    public void AnUnexpectedElementWhereNoWildcardIsStaysAnError()
    {
        var xml = Message.Replace("<ds:SignatureValue>AQID</ds:SignatureValue>", "<ext:Stray/><ds:SignatureValue>AQID</ds:SignatureValue>", StringComparison.Ordinal);
        Assert.Throws<ExiException>(() => Iso2Codec.FromXml(xml));
    }

    /// <summary>The element without namespace declarations (prefixes differ between input and output).</summary>
    private static string Normalized(XElement element)
    {
        var copy = new XElement(element);
        foreach (var e in copy.DescendantsAndSelf())
        {
            e.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            e.Name = XName.Get(e.Name.LocalName, e.Name.NamespaceName);
        }

        return copy.ToString(SaveOptions.DisableFormatting);
    }
}
