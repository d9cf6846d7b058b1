namespace ChargePoint.V2g.Exi;

/// <summary>
/// Codes the element a schema-informed SE(*) production matched (EXI 1.0 §8.5.4.1.7): its qname through the
/// string table, then its content with the global element grammar of that qname when the set declares one,
/// otherwise with the qname's built-in element grammar (§8.4.3), which learns as the stream goes on.
/// </summary>
internal static class ExiWildcardCodec
{
    public static ExiNode Decode(ref ExiBitReader r, ExiWildcardSchema schema, string? otherThan)
    {
        var state = ExiStreamState.Of(ref r, schema);
        var (uri, local) = state.Names.Read(ref r);
        ExiNamespaceConstraint.Check(state.Names.Uri(uri), state.Names.Local(uri, local), otherThan);
        return DecodeContent(ref r, state, uri, local);
    }

    public static void Encode(ref ExiBitWriter w, ExiWildcardSchema schema, ExiNode node, string? otherThan)
    {
        ArgumentNullException.ThrowIfNull(node);
        var (ns, name) = NameOf(node);
        ExiNamespaceConstraint.Check(ns, name, otherThan);
        var state = ExiStreamState.Of(ref w, schema);
        var (uri, local) = state.Names.Write(ref w, ns, name);
        EncodeContent(ref w, state, node, uri, local);
    }

    /// <summary>The content of element <paramref name="uri"/>:<paramref name="local"/> after its SE event, up to EE.</summary>
    public static ExiNode DecodeContent(ref ExiBitReader r, ExiStreamState state, int uri, int local)
    {
        state.Enter();
        state.CountNode();
        var ns = state.Names.Uri(uri);
        var name = state.Names.Local(uri, local);
        var index = state.Schema.GlobalIndex(ns, name);
        ExiNode node = index >= 0
            ? new ExiTypedElement(ns, name, state.Schema.DecodeRoot(ref r, index))
            : ExiBuiltInElementCodec.Decode(ref r, state, uri, local);
        state.Exit();
        return node;
    }

    public static void EncodeContent(ref ExiBitWriter w, ExiStreamState state, ExiNode node, int uri, int local)
    {
        state.Enter();
        var (ns, name) = NameOf(node);
        var index = state.Schema.GlobalIndex(ns, name);
        if (index >= 0)
        {
            state.Schema.EncodeRoot(ref w, index, TypedValue(state.Schema, index, node));
        }
        else if (node is ExiElement element)
        {
            ExiBuiltInElementCodec.Encode(ref w, state, element, uri, local);
        }
        else
        {
            throw new ExiException($"{node} is not a global element of the schema set; give its content as an ExiElement.");
        }

        state.Exit();
    }

    /// <summary>The typed value a declaration's grammar codes: a typed element's own, or a schema-less element read through the XML bridge.</summary>
    public static object TypedValue(ExiWildcardSchema schema, int index, ExiNode node) => node switch
    {
        ExiTypedElement typed => typed.Value,
        ExiElement element => schema.ReadRoot(ExiNodeXml.ToXElement(schema, element), index),
        _ => throw new ExiException("Text cannot stand where an element is expected."),
    };

    public static (string Ns, string Name) NameOf(ExiNode node) => node switch
    {
        ExiElement element => (element.Namespace, element.LocalName),
        ExiTypedElement typed => (typed.Namespace, typed.LocalName),
        _ => throw new ExiException("Wildcard content holds elements only; text belongs to a mixed element."),
    };

    /// <summary>xsi:type and xsi:nil change grammars (EXI 1.0 §8.4.3, §8.5.4.4.1); this codec does not code them in untyped content.</summary>
    public static void RejectTypeAttributes(string ns, string localName)
    {
        if (ns == "http://www.w3.org/2001/XMLSchema-instance" && (localName == "type" || localName == "nil"))
        {
            throw new ExiException($"EXI xsi:{localName} in wildcard content is not supported.");
        }
    }
}
