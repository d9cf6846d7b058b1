namespace ChargePoint.V2g.Exi;

internal enum ExiLearnedKind
{
    EndElement,
    Attribute,
    StartElement,
    Characters,
}

/// <summary>A learned first-level production of a built-in element grammar; qname parts index the name table.</summary>
internal readonly record struct ExiLearned(ExiLearnedKind Kind, int Uri = -1, int Local = -1);

/// <summary>
/// The built-in element grammar of one qname (EXI 1.0 §8.4.3) with the options V2G uses (no prefixes, comments,
/// PIs, DTD or self-contained elements). StartTagContent starts with no first-level production; its second level
/// is EE 0, AT(*) 1, SE(*) 2, CH 3 (2 bits). ElementContent starts with EE at code 0; its second level is
/// SE(*) 0, CH 1 (1 bit). Each learned production takes event code 0 and pushes the others up by one, so entry
/// i of a list (oldest first) has code Count - 1 - i; the escape to the second level is code Count, and the
/// first level is ceil(log2(Count + 1)) bits wide.
/// </summary>
internal sealed class ExiBuiltInGrammar
{
    private readonly List<ExiLearned> _startTag = [];
    private readonly List<ExiLearned> _content = [new ExiLearned(ExiLearnedKind.EndElement)];

    public int StartTagCount => _startTag.Count;

    public int ContentCount => _content.Count;

    public ExiLearned StartTagAt(uint code) => _startTag[_startTag.Count - 1 - (int)code];

    public ExiLearned ContentAt(uint code) => _content[_content.Count - 1 - (int)code];

    /// <summary>The first-level event code of <paramref name="production"/> in StartTagContent, or -1.</summary>
    public int StartTagCode(ExiLearned production) => Code(_startTag, production);

    public int ContentCode(ExiLearned production) => Code(_content, production);

    /// <summary>
    /// SE(*) and AT(*) always add SE(qname) / AT(qname); CH and EE are added only when no first-level
    /// production for them exists yet.
    /// </summary>
    public void LearnStartTag(ExiLearned production) => Learn(_startTag, production);

    public void LearnContent(ExiLearned production) => Learn(_content, production);

    private static void Learn(List<ExiLearned> list, ExiLearned production)
    {
        if ((production.Kind == ExiLearnedKind.Characters || production.Kind == ExiLearnedKind.EndElement) && list.Contains(production))
        {
            return;
        }

        list.Add(production);
    }

    private static int Code(List<ExiLearned> list, ExiLearned production)
    {
        // The newest matching entry has the smallest code; a stream may learn a qname twice (an encoder that
        // did not use the first-level production), so search from the end.
        var index = list.LastIndexOf(production);
        return index < 0 ? -1 : list.Count - 1 - index;
    }
}
