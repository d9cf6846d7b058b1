using System.Collections.Generic;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Grammar;

/// <summary>Questions about a content model's particle tree that the encoder, decoder and XML bridge share.</summary>
internal static class ParticleQueries
{
    public static bool InsideRepeatedGroup(Particle particle)
    {
        for (var p = particle.Parent; p is not null; p = p.Parent)
        {
            if (p.Repeats)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsInsideOptional(Particle particle)
    {
        for (var p = particle.Parent; p is not null; p = p.Parent)
        {
            if (p.Min == 0 || p.IsChoice)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="next"/> can follow <paramref name="previous"/> within one occurrence of the
    /// repeated <paramref name="group"/>; otherwise an SE of <paramref name="next"/> starts a new item.
    /// </summary>
    public static bool FollowsWithin(LeafParticle previous, LeafParticle next, GroupParticle group)
    {
        var follow = new List<LeafParticle>();
        if (previous.Repeats)
        {
            follow.Add(previous);
        }

        Particle node = previous;
        while (node != group && node.Parent is not null)
        {
            var parent = node.Parent;
            if (!parent.IsChoice)
            {
                var index = parent.Children.IndexOf(node);
                for (var j = index + 1; j < parent.Children.Count; j++)
                {
                    follow.AddRange(TypeGrammar.First(parent.Children[j]));
                    if (!TypeGrammar.Nullable(parent.Children[j]))
                    {
                        return follow.Contains(next);
                    }
                }
            }

            node = parent;
        }

        return follow.Contains(next);
    }

    /// <summary>The leaf whose after-states include <paramref name="state"/>, or null (content start, attribute states).</summary>
    public static LeafParticle? LeafBefore(ComplexInfo type, TypeGrammar grammar, GrammarState state)
    {
        for (var i = 0; i < grammar.Leaves.Count; i++)
        {
            var states = grammar.Leaves[i];
            if (states.Single == state || states.Less == state || states.More == state || states.Full == state)
            {
                return type.Leaves[i];
            }
        }

        return null;
    }

    /// <summary>Whether an SE of <paramref name="leaf"/> in <paramref name="state"/> continues the current item.</summary>
    public static bool ContinuesItem(ComplexInfo type, TypeGrammar grammar, GrammarState state, LeafParticle leaf)
    {
        var previous = LeafBefore(type, grammar, state);
        return leaf.Item is not null && previous is not null && previous.Item == leaf.Item && FollowsWithin(previous, leaf, leaf.Item.Group);
    }

    public static string AfterListExpression(LeafParticle leaf, LeafStates states, string count)
    {
        if (states.Single is not null)
        {
            return states.Single.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var tail = states.Full is null ? states.More!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : states.More is null ? states.Full.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "(" + count + " < " + leaf.Max + " ? " + states.More.Id + " : " + states.Full.Id + ")";
        return states.Less is null ? tail : "(" + count + " < " + leaf.Min + " ? " + states.Less.Id + " : " + tail + ")";
    }

    /// <summary>The C# expression for a wildcard's namespace constraint argument (null is ##any).</summary>
    public static string OtherThanLiteral(LeafParticle leaf) =>
        leaf.WildcardOtherThan is null ? "null" : Emit.Names.Literal(leaf.WildcardOtherThan);
}
