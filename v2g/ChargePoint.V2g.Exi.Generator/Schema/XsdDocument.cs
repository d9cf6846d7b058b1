using System;
using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>A parsed XSD with the defaults its declarations inherit.</summary>
internal sealed class XsdDocument
{
    public const string XsNs = "http://www.w3.org/2001/XMLSchema";

    public XsdDocument(string relativePath, XElement root)
    {
        RelativePath = relativePath;
        Root = root;
        TargetNamespace = (string?)root.Attribute("targetNamespace") ?? "";
        ElementsQualified = (string?)root.Attribute("elementFormDefault") == "qualified";
        AttributesQualified = (string?)root.Attribute("attributeFormDefault") == "qualified";
    }

    public string RelativePath { get; }

    public XElement Root { get; }

    public string TargetNamespace { get; }

    public bool ElementsQualified { get; }

    public bool AttributesQualified { get; }

    public static XsdDocument Parse(XsdFile file)
    {
        // The xmldsig schema carries an internal DTD subset with entity declarations.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(file.Text), settings);
        return new XsdDocument(file.RelativePath, XDocument.Load(reader).Root!);
    }

    /// <summary>Resolves a prefixed reference such as <c>v2gci_ct:RationalNumberType</c> in the scope of <paramref name="context"/>.</summary>
    public static QName ResolveQName(XElement context, string reference)
    {
        var colon = reference.IndexOf(':');
        if (colon < 0)
        {
            return new QName(context.GetDefaultNamespace().NamespaceName, reference);
        }

        var ns = context.GetNamespaceOfPrefix(reference.Substring(0, colon))
            ?? throw new InvalidOperationException("Unknown prefix in " + reference);
        return new QName(ns.NamespaceName, reference.Substring(colon + 1));
    }

    public static string CombinePath(string fromRelative, string location)
    {
        var dir = fromRelative.Contains("/") ? fromRelative.Substring(0, fromRelative.LastIndexOf('/')) : "";
        var combined = dir.Length == 0 ? location : dir + "/" + location;
        var parts = combined.Split('/');
        var stack = new System.Collections.Generic.List<string>();
        foreach (var part in parts)
        {
            if (part == "..")
            {
                if (stack.Count > 0)
                {
                    stack.RemoveAt(stack.Count - 1);
                }
            }
            else if (part != "." && part.Length > 0)
            {
                stack.Add(part);
            }
        }

        return string.Join("/", stack);
    }
}
