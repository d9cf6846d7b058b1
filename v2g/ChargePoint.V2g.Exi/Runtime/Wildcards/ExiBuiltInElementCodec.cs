namespace ChargePoint.V2g.Exi;

/// <summary>
/// Content of an element coded with its built-in element grammar (EXI 1.0 §8.4.3): attributes, text and child
/// elements in document order, every value an untyped String (§7.1.10) in the local value partition of its
/// qname. The decoder learns exactly what the encoder learns: SE(qname) before the child's content is coded.
/// </summary>
internal static class ExiBuiltInElementCodec
{
    private const uint StartTagEndElement = 0;
    private const uint StartTagAttribute = 1;
    private const uint StartTagStartElement = 2;
    private const uint StartTagCharacters = 3;
    private const int StartTagSecondLevelBits = 2;
    private const uint ContentStartElement = 0;
    private const uint ContentCharacters = 1;
    private const int ContentSecondLevelBits = 1;

    private static readonly ExiLearned EndElement = new(ExiLearnedKind.EndElement);
    private static readonly ExiLearned Characters = new(ExiLearnedKind.Characters);

    public static ExiElement Decode(ref ExiBitReader r, ExiStreamState state, int uri, int local)
    {
        var grammar = state.Grammar(uri, local);
        var element = new ExiElement(state.Names.Uri(uri), state.Names.Local(uri, local));
        var inStartTag = true;
        while (true)
        {
            var production = inStartTag ? ReadStartTag(ref r, state, grammar) : ReadContent(ref r, state, grammar);
            switch (production.Kind)
            {
                case ExiLearnedKind.EndElement:
                    return element;
                case ExiLearnedKind.Attribute:
                    state.CountNode();
                    element.Attributes.Add(new ExiAttribute(
                        state.Names.Uri(production.Uri),
                        state.Names.Local(production.Uri, production.Local),
                        r.ReadString(state.ValueId(production.Uri, production.Local), int.MaxValue)));
                    break;
                case ExiLearnedKind.StartElement:
                    element.Children.Add(ExiWildcardCodec.DecodeContent(ref r, state, production.Uri, production.Local));
                    inStartTag = false;
                    break;
                default:
                    state.CountNode();
                    element.Children.Add(new ExiText(r.ReadString(state.ValueId(uri, local), int.MaxValue)));
                    inStartTag = false;
                    break;
            }
        }
    }

    public static void Encode(ref ExiBitWriter w, ExiStreamState state, ExiElement element, int uri, int local)
    {
        var grammar = state.Grammar(uri, local);
        foreach (var attribute in element.Attributes)
        {
            ExiWildcardCodec.RejectTypeAttributes(attribute.Namespace, attribute.LocalName);
            var known = Find(state, attribute.Namespace, attribute.LocalName);
            var code = known.Uri >= 0 ? grammar.StartTagCode(new ExiLearned(ExiLearnedKind.Attribute, known.Uri, known.Local)) : -1;
            if (code >= 0)
            {
                WriteCode(ref w, grammar.StartTagCount, code);
            }
            else
            {
                WriteCode(ref w, grammar.StartTagCount, grammar.StartTagCount);
                w.WriteBits(StartTagSecondLevelBits, StartTagAttribute);
                var (au, al) = state.Names.Write(ref w, attribute.Namespace, attribute.LocalName);
                grammar.LearnStartTag(new ExiLearned(ExiLearnedKind.Attribute, au, al));
            }

            w.WriteStringLiteral(attribute.Value);
        }

        var inStartTag = true;
        foreach (var child in element.Children)
        {
            if (child is ExiText text)
            {
                WriteLearnable(ref w, grammar, inStartTag, Characters, inStartTag ? StartTagCharacters : ContentCharacters);
                w.WriteStringLiteral(text.Value);
            }
            else
            {
                var (ns, name) = ExiWildcardCodec.NameOf(child);
                var known = Find(state, ns, name);
                var learned = new ExiLearned(ExiLearnedKind.StartElement, known.Uri, known.Local);
                var code = known.Uri < 0 ? -1 : inStartTag ? grammar.StartTagCode(learned) : grammar.ContentCode(learned);
                var count = inStartTag ? grammar.StartTagCount : grammar.ContentCount;
                if (code >= 0)
                {
                    WriteCode(ref w, count, code);
                }
                else
                {
                    WriteCode(ref w, count, count);
                    if (inStartTag)
                    {
                        w.WriteBits(StartTagSecondLevelBits, StartTagStartElement);
                    }
                    else
                    {
                        w.WriteBits(ContentSecondLevelBits, ContentStartElement);
                    }

                    known = state.Names.Write(ref w, ns, name);
                    learned = new ExiLearned(ExiLearnedKind.StartElement, known.Uri, known.Local);
                    if (inStartTag)
                    {
                        grammar.LearnStartTag(learned);
                    }
                    else
                    {
                        grammar.LearnContent(learned);
                    }
                }

                ExiWildcardCodec.EncodeContent(ref w, state, child, known.Uri, known.Local);
            }

            inStartTag = false;
        }

        if (inStartTag)
        {
            WriteLearnable(ref w, grammar, true, EndElement, StartTagEndElement);
        }
        else
        {
            WriteCode(ref w, grammar.ContentCount, grammar.ContentCode(EndElement));
        }
    }

    private static ExiLearned ReadStartTag(ref ExiBitReader r, ExiStreamState state, ExiBuiltInGrammar grammar)
    {
        var count = grammar.StartTagCount;
        var code = r.ReadBits(ExiStringTable.BitsFor(count + 1));
        if (code < count)
        {
            return grammar.StartTagAt(code);
        }

        if (code > count)
        {
            throw ExiBitReader.UnknownEventCode(code);
        }

        ExiLearned production;
        switch (r.ReadBits(StartTagSecondLevelBits))
        {
            case StartTagEndElement:
                production = EndElement;
                break;
            case StartTagAttribute:
                var (au, al) = state.Names.Read(ref r);
                ExiWildcardCodec.RejectTypeAttributes(state.Names.Uri(au), state.Names.Local(au, al));
                production = new ExiLearned(ExiLearnedKind.Attribute, au, al);
                break;
            case StartTagStartElement:
                var (su, sl) = state.Names.Read(ref r);
                production = new ExiLearned(ExiLearnedKind.StartElement, su, sl);
                break;
            default:
                production = Characters;
                break;
        }

        grammar.LearnStartTag(production);
        return production;
    }

    private static ExiLearned ReadContent(ref ExiBitReader r, ExiStreamState state, ExiBuiltInGrammar grammar)
    {
        var count = grammar.ContentCount;
        var code = r.ReadBits(ExiStringTable.BitsFor(count + 1));
        if (code < count)
        {
            return grammar.ContentAt(code);
        }

        if (code > count)
        {
            throw ExiBitReader.UnknownEventCode(code);
        }

        ExiLearned production;
        if (r.ReadBits(ContentSecondLevelBits) == ContentStartElement)
        {
            var (uri, local) = state.Names.Read(ref r);
            production = new ExiLearned(ExiLearnedKind.StartElement, uri, local);
        }
        else
        {
            production = Characters;
        }

        grammar.LearnContent(production);
        return production;
    }

    /// <summary>CH or EE: the first-level production once learned, else the second-level one (then learned).</summary>
    private static void WriteLearnable(ref ExiBitWriter w, ExiBuiltInGrammar grammar, bool inStartTag, ExiLearned production, uint secondLevel)
    {
        var code = inStartTag ? grammar.StartTagCode(production) : grammar.ContentCode(production);
        var count = inStartTag ? grammar.StartTagCount : grammar.ContentCount;
        if (code >= 0)
        {
            WriteCode(ref w, count, code);
            return;
        }

        WriteCode(ref w, count, count);
        if (inStartTag)
        {
            w.WriteBits(StartTagSecondLevelBits, secondLevel);
            grammar.LearnStartTag(production);
        }
        else
        {
            w.WriteBits(ContentSecondLevelBits, secondLevel);
            grammar.LearnContent(production);
        }
    }

    private static void WriteCode(ref ExiBitWriter w, int firstLevelCount, int code) =>
        w.WriteBits(ExiStringTable.BitsFor(firstLevelCount + 1), (uint)code);

    private static (int Uri, int Local) Find(ExiStreamState state, string ns, string name)
    {
        var uri = state.Names.FindUri(ns);
        var local = uri < 0 ? -1 : state.Names.FindLocal(uri, name);
        return local < 0 ? (-1, -1) : (uri, local);
    }
}
