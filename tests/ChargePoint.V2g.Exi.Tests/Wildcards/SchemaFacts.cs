using System.Xml.Linq;

namespace ChargePoint.V2g.Exi.Tests.Wildcards;

/// <summary>
/// What EXI derives from the vendored xmldsig XSD, computed here straight from the file (not from generated
/// code): the element qnames of the fragment grammar (EXI 1.0 §8.5.2, sorted by local name) and the local-name
/// partitions pre-populated per Appendix D.3.
/// </summary>
internal static class SchemaFacts
{
    public const string Ds = "http://www.w3.org/2000/09/xmldsig#";
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";

    private static readonly Lazy<XDocument> XmlDsig = new(() =>
        XDocument.Load(Path.Combine(AppContext.BaseDirectory, "schemas", "xmldsig-core-schema.xsd"), LoadOptions.None));

    /// <summary>Every element name the xmldsig schema declares (all in its namespace: elementFormDefault qualified).</summary>
    public static IReadOnlyList<string> FragmentElements =>
        XmlDsig.Value.Descendants(Xs + "element").Select(e => (string?)e.Attribute("name")).OfType<string>()
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The xmldsig namespace's local-name partition: element, attribute and type names; attributes are unqualified.</summary>
    public static IReadOnlyList<string> DsLocalNames =>
        XmlDsig.Value.Descendants().Where(e => e.Name == Xs + "element" || e.Name == Xs + "complexType" || e.Name == Xs + "simpleType")
            .Select(e => (string?)e.Attribute("name")).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();

    public static int FragmentCode(string localName) => FragmentElements.ToList().IndexOf(localName);

    /// <summary>Fragment grammar (§8.5.2): SE(F0..Fn-1), SE(*) and ED (CM and PI are pruned).</summary>
    public static int FragmentBits => BitsFor(FragmentElements.Count + 2);

    public static int FragmentEnd => FragmentElements.Count + 1;

    public static int BitsFor(int values)
    {
        var bits = 0;
        while ((1 << bits) < values)
        {
            bits++;
        }

        return bits;
    }
}
