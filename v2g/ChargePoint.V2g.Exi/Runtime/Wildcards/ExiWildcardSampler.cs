namespace ChargePoint.V2g.Exi;

/// <summary>
/// Random wildcard and mixed content for the generated sample builders: schema-less elements with foreign and
/// declared namespaces, attributes, text and nesting (names repeat, so built-in grammars learn and the string
/// table hits), and now and then a typed global element of the set.
/// </summary>
internal static class ExiWildcardSampler
{
    private const int MaxSampleDepth = 3;

    private static readonly string[] ForeignNamespaces = ["urn:example:ext", "http://example.com/ns#"];
    private static readonly string[] LocalNames = ["a", "Item", "Key", "b"];

    public static ExiNode Element(ExiSampler g, ExiWildcardSchema schema, string? otherThan)
    {
        if (g.WildcardDepth == 0 && g.Pick(4) == 0 && TryTyped(g, schema, otherThan) is { } typed)
        {
            return typed;
        }

        return SchemaLess(g, schema, otherThan, g.WildcardDepth);
    }

    /// <summary>
    /// A relaxed element fragment (EXI 1.0 §8.5.3): some of the set's attributes, perhaps an undeclared one, then
    /// text with now and then a schema-less or a typed declared child.
    /// </summary>
    public static ExiElement Relaxed(ExiSampler g, ExiWildcardSchema schema, int index)
    {
        var element = new ExiElement(schema.RootNamespace(index), schema.RootLocalName(index));
        var attributes = schema.RelaxedAttributes;
        foreach (var (ns, local) in attributes)
        {
            if (g.Pick(attributes.Length) == 0)
            {
                element.Attributes.Add(new ExiAttribute(ns, local, g.String(1, 12)));
            }
        }

        if (g.Pick(4) == 0)
        {
            element.Attributes.Add(new ExiAttribute(ForeignNamespaces[0], "attr", g.String(0, 6)));
        }

        element.Children.Add(new ExiText(g.String(1, 15)));
        switch (g.WildcardDepth == 0 ? g.Pick(4) : 0)
        {
            case 1:
                element.Children.Add(SchemaLess(g, schema, null, 1));
                break;
            case 2:
                var child = g.Pick(schema.RootCount);
                if (!schema.IsRelaxed(child))
                {
                    g.WildcardDepth++;
                    element.Children.Add(new ExiTypedElement(schema.RootNamespace(child), schema.RootLocalName(child), schema.SampleRoot(child, g)));
                    g.WildcardDepth--;
                }

                break;
        }

        return element;
    }

    /// <summary>Up to two text segments at distinct positions among <paramref name="children"/> child elements.</summary>
    public static void Text(ExiSampler g, List<ExiTextSegment> text, int children)
    {
        var first = g.Pick(children + 2) - 1;
        var second = g.Pick(children + 2) - 1;
        foreach (var position in new[] { first, second }.Where(p => p >= 0).Distinct().Order())
        {
            text.Add(new ExiTextSegment(position, g.String(1, 10)));
        }
    }

    private static ExiTypedElement? TryTyped(ExiSampler g, ExiWildcardSchema schema, string? otherThan)
    {
        var start = g.Pick(schema.RootCount);
        for (var i = 0; i < schema.RootCount; i++)
        {
            var index = (start + i) % schema.RootCount;
            var ns = schema.RootNamespace(index);
            var name = schema.RootLocalName(index);
            if (schema.GlobalIndex(ns, name) == index && ExiNamespaceConstraint.Admits(ns, otherThan))
            {
                g.WildcardDepth++;
                var value = schema.SampleRoot(index, g);
                g.WildcardDepth--;
                return new ExiTypedElement(ns, name, value);
            }
        }

        return null;
    }

    private static ExiElement SchemaLess(ExiSampler g, ExiWildcardSchema schema, string? otherThan, int depth)
    {
        var (ns, name) = Name(g, schema, otherThan);
        var element = new ExiElement(ns, name);
        for (var i = g.Pick(3); i > 0; i--)
        {
            var attribute = g.Chance() ? ("", LocalNames[g.Pick(LocalNames.Length)]) : (ForeignNamespaces[0], "attr" + g.Pick(2));
            if (!element.Attributes.Any(a => a.Namespace == attribute.Item1 && a.LocalName == attribute.Item2))
            {
                element.Attributes.Add(new ExiAttribute(attribute.Item1, attribute.Item2, g.String(0, 8)));
            }
        }

        var lastWasText = false;
        for (var i = depth < MaxSampleDepth ? g.Pick(4) : 0; i > 0; i--)
        {
            if (!lastWasText && g.Chance())
            {
                element.Children.Add(new ExiText(g.String(1, 8)));
                lastWasText = true;
            }
            else
            {
                element.Children.Add(SchemaLess(g, schema, null, depth + 1));
                lastWasText = false;
            }
        }

        return element;
    }

    /// <summary>
    /// A foreign qname, or one whose parts the pre-populated partitions hold, that no element declaration has: in a
    /// relaxed element fragment every declared qname (local ones too) is typed (EXI 1.0 §8.5.3), so a schema-less
    /// child must avoid them all.
    /// </summary>
    private static (string Ns, string Name) Name(ExiSampler g, ExiWildcardSchema schema, string? otherThan)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var uris = schema.Names.Uris;
            var uri = g.Chance() ? -1 : 4 + g.Pick(uris.Length - 4);
            var ns = uri < 0 ? ForeignNamespaces[g.Pick(ForeignNamespaces.Length)] : uris[uri];
            var declared = uri < 0 ? [] : schema.Names.LocalNames[uri];
            var name = declared.Length > 0 && g.Chance() ? declared[g.Pick(declared.Length)] : LocalNames[g.Pick(LocalNames.Length)];
            if (ExiNamespaceConstraint.Admits(ns, otherThan) && schema.DeclarationIndex(ns, name) < 0)
            {
                return (ns, name);
            }
        }

        return (ForeignNamespaces[0], LocalNames[0]);
    }
}
