namespace ChargePoint.V2g.Exi;

/// <summary>
/// What one stream learns while it codes wildcard, built-in or relaxed content: the URI and local-name
/// partitions, the built-in element grammar of every qname seen (EXI 1.0 §8.4.3), stream-specific local value
/// partitions, and the nesting depth and node budget that bound the decoder.
/// </summary>
internal sealed class ExiStreamState
{
    private const int FirstDynamicValueId = 0x4000_0000;

    private readonly Dictionary<long, ExiBuiltInGrammar> _grammars = [];
    private readonly int _nodeBudget;
    private Dictionary<long, int>? _valueIds;
    private int _depth;
    private int _nodes;

    private ExiStreamState(ExiWildcardSchema schema, int nodeBudget)
    {
        Schema = schema;
        Names = new ExiNameTable(schema.Names);
        _nodeBudget = nodeBudget;
    }

    public ExiWildcardSchema Schema { get; }

    public ExiNameTable Names { get; }

    /// <summary>
    /// The decoder's state. Wildcard content may hold at most two nodes (elements, attributes, texts) per input
    /// byte, at least 256: a learned production can cost a single bit, so without the budget a stream could make
    /// the decoder allocate far more than its size.
    /// </summary>
    public static ExiStreamState Of(ref ExiBitReader r, ExiWildcardSchema schema) =>
        r.Wildcards ??= new ExiStreamState(schema, Math.Max(256, 2 * r.InputLength));

    public static ExiStreamState Of(ref ExiBitWriter w, ExiWildcardSchema schema) =>
        w.Wildcards ??= new ExiStreamState(schema, int.MaxValue);

    public ExiBuiltInGrammar Grammar(int uri, int local)
    {
        var key = Key(uri, local);
        if (!_grammars.TryGetValue(key, out var grammar))
        {
            _grammars[key] = grammar = new ExiBuiltInGrammar();
        }

        return grammar;
    }

    /// <summary>
    /// The local value partition of a qname (EXI 1.0 §7.3.1): the schema's own for a declared qname, so values of
    /// an undeclared occurrence share it with typed ones, otherwise one the stream assigns.
    /// </summary>
    public int ValueId(int uri, int local)
    {
        var declared = Schema.ValueId(Names.Uri(uri), Names.Local(uri, local));
        if (declared >= 0)
        {
            return declared;
        }

        _valueIds ??= [];
        var key = Key(uri, local);
        if (!_valueIds.TryGetValue(key, out var id))
        {
            _valueIds[key] = id = FirstDynamicValueId + _valueIds.Count;
        }

        return id;
    }

    /// <summary>The local value partition of a qname given by its strings (-1 when no partition can hold values yet).</summary>
    public int ValueIdOf(string ns, string local)
    {
        var declared = Schema.ValueId(ns, local);
        if (declared >= 0)
        {
            return declared;
        }

        var uri = Names.FindUri(ns);
        var index = uri < 0 ? -1 : Names.FindLocal(uri, local);
        return index < 0 ? -1 : ValueId(uri, index);
    }

    public void Enter()
    {
        if (++_depth > ExiLimits.MaxWildcardDepth)
        {
            throw new ExiException($"Wildcard content nests deeper than {ExiLimits.MaxWildcardDepth} elements.");
        }
    }

    public void Exit() => _depth--;

    public void CountNode()
    {
        if (++_nodes > _nodeBudget)
        {
            throw new ExiException($"Wildcard content holds more nodes than the {_nodeBudget} its stream size allows.");
        }
    }

    private static long Key(int uri, int local) => ((long)uri << 32) | (uint)local;
}
