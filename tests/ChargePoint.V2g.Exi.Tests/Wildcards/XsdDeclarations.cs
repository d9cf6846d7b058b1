using System.Xml.Linq;

namespace ChargePoint.V2g.Exi.Tests.Wildcards;

/// <summary>
/// Element and attribute declarations of a set of vendored XSD files, read here straight from the files for
/// what EXI derives from them: the sorted element qnames F and attribute qnames A of a fragment grammar (EXI 1.0
/// §8.5.2, §8.5.3), and which element qnames are declared with different types.
/// </summary>
internal sealed class XsdDeclarations
{
    private static readonly XNamespace Xs = "http://www.w3.org/2001/XMLSchema";
    private readonly List<(string Ns, string Local, string Type)> _elements = [];
    private readonly SortedSet<(string Ns, string Local)> _attributes = new(QNameOrder.Instance);

    public XsdDeclarations(params string[] files)
    {
        foreach (var file in files)
        {
            var root = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "schemas", file)).Root!;
            var target = (string?)root.Attribute("targetNamespace") ?? "";
            var elementsQualified = (string?)root.Attribute("elementFormDefault") == "qualified";
            var attributesQualified = (string?)root.Attribute("attributeFormDefault") == "qualified";
            foreach (var node in root.Descendants(Xs + "element").Where(e => e.Attribute("name") is not null))
            {
                var qualified = node.Parent == root || ((string?)node.Attribute("form") ?? (elementsQualified ? "qualified" : "")) == "qualified";
                var typeRef = (string?)node.Attribute("type");
                var type = typeRef is null ? "anonymous " + file + ":" + ((System.Xml.IXmlLineInfo)node).LineNumber : Resolve(node, typeRef);
                _elements.Add((qualified ? target : "", (string)node.Attribute("name")!, type + (((string?)node.Attribute("nillable")) == "true" ? " nillable" : "")));
            }

            foreach (var node in root.Descendants(Xs + "attribute").Where(e => e.Attribute("name") is not null))
            {
                var qualified = node.Parent == root || ((string?)node.Attribute("form") ?? (attributesQualified ? "qualified" : "")) == "qualified";
                _attributes.Add((qualified ? target : "", (string)node.Attribute("name")!));
            }
        }
    }

    public static XsdDeclarations Iso2 { get; } = new(
        "iso15118-2/V2G_CI_MsgDef.xsd", "iso15118-2/V2G_CI_MsgHeader.xsd", "iso15118-2/V2G_CI_MsgBody.xsd", "iso15118-2/V2G_CI_MsgDataTypes.xsd", "xmldsig-core-schema.xsd");

    public static XsdDeclarations Iso20Common { get; } = new(
        "iso15118-20/V2G_CI_CommonMessages.xsd", "iso15118-20/V2G_CI_CommonTypes.xsd", "iso15118-20/xmldsig-core-schema.xsd");

    public static XsdDeclarations XmlDsig { get; } = new("xmldsig-core-schema.xsd");

    /// <summary>F: every element qname once, sorted by local name, then URI.</summary>
    public IReadOnlyList<(string Ns, string Local)> Elements =>
        _elements.Select(e => (e.Ns, e.Local)).Distinct().Order(QNameOrder.Instance).ToList();

    /// <summary>A: every attribute qname once, sorted by local name, then URI.</summary>
    public IReadOnlyList<(string Ns, string Local)> Attributes => _attributes.ToList();

    /// <summary>Element qnames declared with more than one type (or nillability).</summary>
    public IReadOnlyList<(string Ns, string Local)> DeclaredWithDifferentTypes =>
        _elements.GroupBy(e => (e.Ns, e.Local)).Where(g => g.Select(e => e.Type).Distinct().Count() > 1).Select(g => g.Key).ToList();

    public int ElementCode(string ns, string local) => Elements.ToList().IndexOf((ns, local));

    public int AttributeCode(string ns, string local) => Attributes.ToList().IndexOf((ns, local));

    private static string Resolve(XElement context, string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        var ns = colon < 0 ? context.GetDefaultNamespace() : context.GetNamespaceOfPrefix(reference[..colon])!;
        return "{" + ns.NamespaceName + "}" + reference[(colon + 1)..];
    }

    private sealed class QNameOrder : IComparer<(string Ns, string Local)>
    {
        public static readonly QNameOrder Instance = new();

        public int Compare((string Ns, string Local) x, (string Ns, string Local) y)
        {
            var local = string.CompareOrdinal(x.Local, y.Local);
            return local != 0 ? local : string.CompareOrdinal(x.Ns, y.Ns);
        }
    }
}
