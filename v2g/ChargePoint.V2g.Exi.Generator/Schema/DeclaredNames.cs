using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>
/// What EXI takes from the declarations of a set's XSD files as written, independently of which types the
/// content models reach: the local names that pre-populate the string table and the attribute qnames of the
/// relaxed element fragment grammar.
/// </summary>
internal sealed class DeclaredNames
{
    private static readonly XNamespace Xs = XsdDocument.XsNs;
    private readonly List<XsdDocument> _documents;
    private readonly Func<QName, SimpleInfo> _resolveSimple;

    public DeclaredNames(List<XsdDocument> documents, Func<QName, SimpleInfo> resolveSimple)
    {
        _documents = documents;
        _resolveSimple = resolveSimple;
    }

    /// <summary>
    /// The local names each namespace of the set declares (attributes, elements and named types; EXI 1.0 Appendix
    /// D.3), by namespace URI ("" for unqualified declarations), each in code-point order.
    /// </summary>
    public SortedDictionary<string, SortedSet<string>> LocalNames()
    {
        var result = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var doc in _documents)
        {
            foreach (var node in doc.Root.Descendants())
            {
                var name = (string?)node.Attribute("name");
                if (name is null || node.Name.Namespace != Xs)
                {
                    continue;
                }

                string ns;
                var topLevel = node.Parent == doc.Root;
                var form = (string?)node.Attribute("form");
                if (node.Name == Xs + "element")
                {
                    ns = topLevel || (form is null ? doc.ElementsQualified : form == "qualified") ? doc.TargetNamespace : "";
                }
                else if (node.Name == Xs + "attribute")
                {
                    ns = topLevel || (form is null ? doc.AttributesQualified : form == "qualified") ? doc.TargetNamespace : "";
                }
                else if (node.Name == Xs + "complexType" || node.Name == Xs + "simpleType")
                {
                    ns = doc.TargetNamespace;
                }
                else
                {
                    continue;
                }

                if (!result.TryGetValue(ns, out var names))
                {
                    result[ns] = names = new SortedSet<string>(StringComparer.Ordinal);
                }

                names.Add(name);
            }
        }

        return result;
    }

    /// <summary>
    /// Every attribute qname the set declares, sorted by local name then URI (A of EXI 1.0 §8.5.3). Their values
    /// are Strings: the relaxed grammar types a value only when all declarations agree, and every attribute of the
    /// vendored sets is a string (ID, anyURI, string) without facets.
    /// </summary>
    public List<QName> RelaxedAttributes()
    {
        var result = new SortedSet<QName>();
        foreach (var doc in _documents)
        {
            foreach (var node in doc.Root.Descendants(Xs + "attribute"))
            {
                var name = (string?)node.Attribute("name");
                if (name is null)
                {
                    continue;
                }

                var form = (string?)node.Attribute("form");
                var qualified = node.Parent == doc.Root || (form is null ? doc.AttributesQualified : form == "qualified");
                var typeRef = (string?)node.Attribute("type");
                var type = typeRef is not null ? _resolveSimple(XsdDocument.ResolveQName(node, typeRef)) : null;
                if (type is null || type.Kind != ValueKind.String || type.MaxLength.HasValue || type.MinLength.HasValue)
                {
                    throw new InvalidOperationException("Relaxed fragment grammar: attribute " + name + " is not a plain string; not supported.");
                }

                result.Add(new QName(qualified ? doc.TargetNamespace : "", name));
            }
        }

        return result.ToList();
    }
}
