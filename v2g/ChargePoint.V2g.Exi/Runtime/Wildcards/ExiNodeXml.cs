using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ChargePoint.V2g.Exi;

/// <summary>
/// The XML bridge of wildcard, built-in and relaxed content. Text is significant in such content, so an element
/// switches the indenting writer to mixed content before its children and the rendered XML adds no whitespace.
/// </summary>
internal static class ExiNodeXml
{
    public static void Write(XmlWriter x, ExiWildcardSchema schema, ExiNode node)
    {
        switch (node)
        {
            case ExiText text:
                x.WriteString(text.Value);
                break;
            case ExiElement element:
                x.WriteStartElement(element.LocalName, element.Namespace);
                WriteContent(x, schema, element);
                x.WriteEndElement();
                break;
            case ExiTypedElement typed:
                var index = schema.DeclarationIndex(typed.Namespace, typed.LocalName);
                if (index < 0)
                {
                    throw new ExiException($"{typed} is not declared by the schema set.");
                }

                x.WriteStartElement(typed.LocalName, typed.Namespace);
                schema.WriteRoot(x, index, typed.Value);
                x.WriteEndElement();
                break;
            default:
                throw new ArgumentNullException(nameof(node));
        }
    }

    /// <summary>Attributes, then the children of a schema-less element.</summary>
    public static void WriteContent(XmlWriter x, ExiWildcardSchema schema, ExiElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            x.WriteAttributeString(attribute.LocalName, attribute.Namespace, attribute.Value);
        }

        // An empty string marks the content as mixed: the writer then indents none of it.
        if (element.HasChildren)
        {
            x.WriteString(string.Empty);
        }

        foreach (var child in element.Children)
        {
            Write(x, schema, child);
        }
    }

    /// <summary>
    /// An element of wildcard content (<paramref name="relaxed"/> false: a global element becomes typed) or a
    /// child of a relaxed element fragment (true: any declared element becomes typed).
    /// </summary>
    public static ExiNode Read(XElement e, ExiWildcardSchema schema, bool relaxed)
    {
        var ns = e.Name.NamespaceName;
        var name = e.Name.LocalName;
        var index = relaxed ? schema.DeclarationIndex(ns, name) : schema.GlobalIndex(ns, name);
        if (index < 0)
        {
            return ReadElement(e, schema, false);
        }

        return schema.IsRelaxed(index) ? ReadElement(e, schema, true) : new ExiTypedElement(ns, name, schema.ReadRoot(e, index));
    }

    /// <summary>A schema-less element; adjacent text nodes (text and CDATA) become one text.</summary>
    public static ExiElement ReadElement(XElement e, ExiWildcardSchema schema, bool relaxedChildren)
    {
        var element = new ExiElement(e.Name.NamespaceName, e.Name.LocalName);
        foreach (var attribute in e.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration)
            {
                element.Attributes.Add(new ExiAttribute(attribute.Name.NamespaceName, attribute.Name.LocalName, attribute.Value));
            }
        }

        StringBuilder? text = null;
        foreach (var node in e.Nodes())
        {
            if (node is XText t)
            {
                (text ??= new StringBuilder()).Append(t.Value);
            }
            else if (node is XElement child)
            {
                Flush(element, ref text);
                element.Children.Add(Read(child, schema, relaxedChildren));
            }
        }

        Flush(element, ref text);
        return element;
    }

    /// <summary>A schema-less element as an XML tree, for reading it into the typed model of its declaration.</summary>
    public static XElement ToXElement(ExiWildcardSchema schema, ExiElement element)
    {
        var document = new XDocument();
        using (var x = document.CreateWriter())
        {
            Write(x, schema, element);
        }

        return document.Root!;
    }

    private static void Flush(ExiElement element, ref StringBuilder? text)
    {
        if (text is { Length: > 0 })
        {
            element.Children.Add(new ExiText(text.ToString()));
        }

        text = null;
    }
}
