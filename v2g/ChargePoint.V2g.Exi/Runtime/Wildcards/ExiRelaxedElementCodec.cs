namespace ChargePoint.V2g.Exi;

/// <summary>
/// The schema-informed element fragment grammar (EXI 1.0 §8.5.3), used in a fragment for a qname declared with
/// different types. With n attribute qnames A and m element qnames F of the set (both sorted by local name, then
/// URI) its first state ElementFragment0 has AT(A0..An-1) 0..n-1, AT(*) n, SE(F0..Fm-1) n+1..n+m, SE(*) n+m+1,
/// EE n+m+2 and CH [untyped value] n+m+3; every state after the first content event (ElementFragment2) has
/// SE(F0..Fm-1) 0..m-1, SE(*) m, EE m+1, CH m+2. strict = false reserves one more code in each state for the
/// undeclared productions (§8.5.4.4.1), so the widths are ceil(log2(n+m+5)) and ceil(log2(m+4)) bits.
/// </summary>
internal static class ExiRelaxedElementCodec
{
    public static ExiElement Decode(ref ExiBitReader r, ExiWildcardSchema schema, int index)
    {
        var state = ExiStreamState.Of(ref r, schema);
        var attributes = schema.RelaxedAttributes;
        var n = (uint)attributes.Length;
        var m = (uint)schema.RootCount;
        var element = new ExiElement(schema.RootNamespace(index), schema.RootLocalName(index));
        state.Enter();
        state.CountNode();
        var inContent = false;
        while (true)
        {
            uint code;
            if (!inContent)
            {
                code = r.ReadBits(ExiStringTable.BitsFor((int)(n + m + 5)));
                if (code < n)
                {
                    var (ns, local) = attributes[code];
                    state.CountNode();
                    element.Attributes.Add(new ExiAttribute(ns, local, r.ReadString(state.ValueIdOf(ns, local), int.MaxValue)));
                    continue;
                }

                if (code == n)
                {
                    var (au, al) = state.Names.Read(ref r);
                    ExiWildcardCodec.RejectTypeAttributes(state.Names.Uri(au), state.Names.Local(au, al));
                    state.CountNode();
                    element.Attributes.Add(new ExiAttribute(state.Names.Uri(au), state.Names.Local(au, al), r.ReadString(state.ValueId(au, al), int.MaxValue)));
                    continue;
                }

                code -= n + 1;
            }
            else
            {
                code = r.ReadBits(ExiStringTable.BitsFor((int)(m + 4)));
            }

            if (code < m)
            {
                element.Children.Add(DecodeDeclared(ref r, state, (int)code));
            }
            else if (code == m)
            {
                var (uri, local) = state.Names.Read(ref r);
                element.Children.Add(ExiWildcardCodec.DecodeContent(ref r, state, uri, local));
            }
            else if (code == m + 1)
            {
                state.Exit();
                return element;
            }
            else if (code == m + 2)
            {
                state.CountNode();
                element.Children.Add(new ExiText(r.ReadString(state.ValueIdOf(element.Namespace, element.LocalName), int.MaxValue)));
            }
            else
            {
                throw ExiBitReader.UnknownEventCode(code + (inContent ? 0 : n + 1));
            }

            inContent = true;
        }
    }

    public static void Encode(ref ExiBitWriter w, ExiWildcardSchema schema, int index, ExiElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        if (element.Namespace != schema.RootNamespace(index) || element.LocalName != schema.RootLocalName(index))
        {
            throw new ExiException($"{element} cannot be coded as {{{schema.RootNamespace(index)}}}{schema.RootLocalName(index)}.");
        }

        var state = ExiStreamState.Of(ref w, schema);
        var attributes = schema.RelaxedAttributes;
        var n = attributes.Length;
        var m = schema.RootCount;
        var startBits = ExiStringTable.BitsFor(n + m + 5);
        var contentBits = ExiStringTable.BitsFor(m + 4);
        state.Enter();
        foreach (var attribute in element.Attributes)
        {
            ExiWildcardCodec.RejectTypeAttributes(attribute.Namespace, attribute.LocalName);
            var declared = Array.IndexOf(attributes, (attribute.Namespace, attribute.LocalName));
            if (declared >= 0)
            {
                w.WriteBits(startBits, (uint)declared);
            }
            else
            {
                w.WriteBits(startBits, (uint)n);
                state.Names.Write(ref w, attribute.Namespace, attribute.LocalName);
            }

            w.WriteStringLiteral(attribute.Value);
        }

        var inContent = false;
        foreach (var child in element.Children)
        {
            var bits = inContent ? contentBits : startBits;
            var offset = inContent ? 0 : n + 1;
            if (child is ExiText text)
            {
                w.WriteBits(bits, (uint)(offset + m + 2));
                w.WriteStringLiteral(text.Value);
            }
            else
            {
                var (ns, name) = ExiWildcardCodec.NameOf(child);
                var declaration = schema.DeclarationIndex(ns, name);
                if (declaration >= 0)
                {
                    w.WriteBits(bits, (uint)(offset + declaration));
                    state.Enter();
                    schema.EncodeRoot(ref w, declaration, schema.IsRelaxed(declaration) ? child : ExiWildcardCodec.TypedValue(schema, declaration, child));
                    state.Exit();
                }
                else
                {
                    w.WriteBits(bits, (uint)(offset + m));
                    var (uri, local) = state.Names.Write(ref w, ns, name);
                    ExiWildcardCodec.EncodeContent(ref w, state, child, uri, local);
                }
            }

            inContent = true;
        }

        w.WriteBits(inContent ? contentBits : startBits, (uint)((inContent ? 0 : n + 1) + m + 1));
        state.Exit();
    }

    private static ExiNode DecodeDeclared(ref ExiBitReader r, ExiStreamState state, int declaration)
    {
        state.Enter();
        state.CountNode();
        var value = state.Schema.DecodeRoot(ref r, declaration);
        state.Exit();
        return state.Schema.IsRelaxed(declaration)
            ? (ExiElement)value
            : new ExiTypedElement(state.Schema.RootNamespace(declaration), state.Schema.RootLocalName(declaration), value);
    }
}
