using System.Collections.Generic;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Grammar;

internal enum ProductionKind
{
    Attribute,
    StartElement,
    EndElement,
    TypedCharacters,
    UntypedCharacters,
}

/// <summary>A first-level production of a grammar state; its event code is its index in the state.</summary>
internal sealed class Production
{
    public Production(ProductionKind kind, int target)
    {
        Kind = kind;
        Target = target;
    }

    public ProductionKind Kind { get; }

    /// <summary>Attribute index or leaf index; for untyped CH (mixed content) the state it leads to; unused otherwise.</summary>
    public int Target { get; }

    public bool SameEvent(Production other) => Kind == other.Kind && Target == other.Target;
}

internal sealed class GrammarState
{
    public GrammarState(int id, string label)
    {
        Id = id;
        Label = label;
    }

    public int Id { get; }

    public string Label { get; }

    public List<Production> Productions { get; } = new List<Production>();

    /// <summary>strict = false: one code more than the first-level productions for the escape to level two.</summary>
    public int Width => BitMath.BitsFor(Productions.Count + 1);

    public int CodeOf(Production production) => Productions.FindIndex(p => p.SameEvent(production));
}

/// <summary>Grammar states after a leaf: one, or (for counted lists) fewer-than-min / more-allowed / full.</summary>
internal sealed class LeafStates
{
    public GrammarState? Single { get; set; }

    public GrammarState? Less { get; set; }

    public GrammarState? More { get; set; }

    public GrammarState? Full { get; set; }
}

/// <summary>
/// The schema-informed element grammar of one complex type (EXI 1.0 §8.5.4): attribute uses sorted by qname,
/// then the content particles, normalized so each state lists its SE(qname) events in schema order, then SE(*),
/// EE and CH. Bounded repetitions keep exact EXI semantics through per-list count regimes.
/// </summary>
internal sealed class TypeGrammar
{
    private readonly ComplexInfo _type;

    public TypeGrammar(ComplexInfo type)
    {
        _type = type;
        for (var i = 0; i < type.Attributes.Count; i++)
        {
            AttributeStates.Add(NewState("before attribute " + type.Attributes[i].Name.Local));
        }

        ContentStart = NewState("content start");
        if (type.SimpleContent is not null)
        {
            AfterCharacters = NewState("after characters");
            AfterCharacters.Productions.Add(new Production(ProductionKind.EndElement, 0));
        }

        foreach (var leaf in type.Leaves)
        {
            var states = new LeafStates();
            var label = "after " + (leaf.IsWildcard ? "*" : leaf.Element!.Name.Local);
            if (!leaf.Repeats || leaf.InRepeatedGroup)
            {
                states.Single = NewState(label);
            }
            else
            {
                if (leaf.Min > 1)
                {
                    states.Less = NewState(label + " (fewer than minOccurs)");
                }

                if (leaf.Max == -1 || leaf.Max - 1 >= System.Math.Max(leaf.Min, 1))
                {
                    states.More = NewState(label + " (more allowed)");
                }

                if (leaf.Max != -1)
                {
                    states.Full = NewState(label + " (maxOccurs reached)");
                }
            }

            Leaves.Add(states);
        }

        Fill();
    }

    public List<GrammarState> States { get; } = new List<GrammarState>();

    public List<GrammarState> AttributeStates { get; } = new List<GrammarState>();

    public GrammarState ContentStart { get; }

    public GrammarState? AfterCharacters { get; }

    public List<LeafStates> Leaves { get; } = new List<LeafStates>();

    public GrammarState Start => AttributeStates.Count > 0 ? AttributeStates[0] : ContentStart;

    /// <summary>The state reached after attribute <paramref name="index"/>.</summary>
    public GrammarState AfterAttribute(int index) =>
        index + 1 < AttributeStates.Count ? AttributeStates[index + 1] : ContentStart;

    /// <summary>Every state that has <paramref name="production"/>, with its code and width.</summary>
    public IEnumerable<(GrammarState State, int Code)> StatesWith(Production production) =>
        States.Select(s => (s, s.CodeOf(production))).Where(t => t.Item2 >= 0);

    /// <summary>Every state with an untyped CH production (mixed content), with its code and the state it leads to.</summary>
    public IEnumerable<(GrammarState State, int Code, int Target)> StatesWithCharacters() =>
        States.SelectMany(s => s.Productions.Select((p, code) => (s, code, p))
            .Where(t => t.p.Kind == ProductionKind.UntypedCharacters)
            .Select(t => (t.s, t.code, t.p.Target)));

    private GrammarState NewState(string label)
    {
        var state = new GrammarState(States.Count, label);
        States.Add(state);
        return state;
    }

    private void Fill()
    {
        var content = new List<Production>();
        if (_type.SimpleContent is not null)
        {
            content.Add(new Production(ProductionKind.TypedCharacters, 0));
        }
        else
        {
            var first = First(_type.Content!);
            content.AddRange(first.Select(Se));
            if (Nullable(_type.Content!))
            {
                content.Add(new Production(ProductionKind.EndElement, 0));
            }
        }

        SetContent(ContentStart, content);
        for (var i = AttributeStates.Count - 1; i >= 0; i--)
        {
            var list = new List<Production> { new Production(ProductionKind.Attribute, i) };
            if (!_type.Attributes[i].Required)
            {
                list.AddRange(AfterAttribute(i).Productions);
            }

            SetProductions(AttributeStates[i], list);
        }

        for (var i = 0; i < _type.Leaves.Count; i++)
        {
            var leaf = _type.Leaves[i];
            var states = Leaves[i];
            if (states.Single is not null)
            {
                SetContent(states.Single, After(leaf, leaf.Repeats));
            }

            if (states.Less is not null)
            {
                SetContent(states.Less, new List<Production> { Se(leaf) });
            }

            if (states.More is not null)
            {
                SetContent(states.More, After(leaf, leaf.Max == -1 || leaf.Max > 1));
            }

            if (states.Full is not null)
            {
                SetContent(states.Full, After(leaf, false));
            }
        }
    }

    /// <summary>
    /// A content state. Mixed content adds CH [untyped value] looping on each content state (EXI 1.0
    /// §8.5.4.1.3.2); attribute states reach it through the content start they copy, so their CH leads there.
    /// </summary>
    private void SetContent(GrammarState state, List<Production> list)
    {
        if (_type.Mixed)
        {
            list.Add(new Production(ProductionKind.UntypedCharacters, state.Id));
        }

        SetProductions(state, list);
    }

    private static List<Production> After(LeafParticle leaf, bool repeatSelf)
    {
        var leaves = new List<LeafParticle>();
        if (repeatSelf)
        {
            leaves.Add(leaf);
        }

        var endReachable = true;
        Particle node = leaf;
        while (node.Parent is not null && endReachable)
        {
            var parent = node.Parent;
            if (!parent.IsChoice)
            {
                var index = parent.Children.IndexOf(node);
                for (var j = index + 1; j < parent.Children.Count; j++)
                {
                    leaves.AddRange(First(parent.Children[j]));
                    if (!Nullable(parent.Children[j]))
                    {
                        endReachable = false;
                        break;
                    }
                }
            }

            if (endReachable && parent.Repeats)
            {
                leaves.AddRange(First(parent));
            }

            node = parent;
        }

        var list = leaves.Select(Se).ToList();
        if (endReachable)
        {
            list.Add(new Production(ProductionKind.EndElement, 0));
        }

        return list;
    }

    private static bool SameTerminal(LeafParticle a, LeafParticle b) =>
        a.IsWildcard ? b.IsWildcard : !b.IsWildcard && a.Element!.Name.Equals(b.Element!.Name);

    private static Production Se(LeafParticle leaf) => new Production(ProductionKind.StartElement, leaf.Index);

    /// <summary>
    /// Orders as EXI §8.5.4.3 does: AT, SE(qname) in schema order, SE(*), EE, CH; drops duplicates. Two leaves with
    /// one terminal in a state would need the merged states of §8.5.4.2.2, which no vendored schema needs.
    /// </summary>
    private void SetProductions(GrammarState state, List<Production> list)
    {
        var unique = new List<Production>();
        foreach (var p in list)
        {
            if (unique.Any(u => u.SameEvent(p)))
            {
                continue;
            }

            if (p.Kind == ProductionKind.StartElement && unique.Any(u => u.Kind == ProductionKind.StartElement && SameTerminal(_type.Leaves[u.Target], _type.Leaves[p.Target])))
            {
                throw new System.InvalidOperationException("Type " + _type.CsName + ": two particles with one terminal in state '" + state.Label + "' (merged states are not supported).");
            }

            unique.Add(p);
        }

        state.Productions.Clear();
        state.Productions.AddRange(unique.Where(p => p.Kind == ProductionKind.Attribute));
        state.Productions.AddRange(unique.Where(p => p.Kind == ProductionKind.StartElement && !_type.Leaves[p.Target].IsWildcard));
        state.Productions.AddRange(unique.Where(p => p.Kind == ProductionKind.StartElement && _type.Leaves[p.Target].IsWildcard));
        state.Productions.AddRange(unique.Where(p => p.Kind == ProductionKind.EndElement));
        state.Productions.AddRange(unique.Where(p => p.Kind == ProductionKind.TypedCharacters || p.Kind == ProductionKind.UntypedCharacters));
    }

    public static List<LeafParticle> First(Particle particle)
    {
        var result = new List<LeafParticle>();
        if (particle is LeafParticle leaf)
        {
            result.Add(leaf);
            return result;
        }

        var group = (GroupParticle)particle;
        foreach (var child in group.Children)
        {
            result.AddRange(First(child));
            if (!group.IsChoice && !Nullable(child))
            {
                break;
            }
        }

        return result;
    }

    public static bool Nullable(Particle particle)
    {
        if (particle.Min == 0)
        {
            return true;
        }

        if (particle is LeafParticle)
        {
            return false;
        }

        var group = (GroupParticle)particle;
        if (group.Children.Count == 0)
        {
            return true;
        }

        return group.IsChoice ? group.Children.Any(Nullable) : group.Children.All(Nullable);
    }
}
