using System.Linq;
using ChargePoint.V2g.Exi.Generator.Grammar;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// Emits the encoder of one complex type from its EXI grammar: event codes are constants of the grammar states,
/// items of a repeated group are coded in list order, wildcard content goes through SE(*), and the text of a
/// mixed type is written as CH events between the child elements at its recorded positions.
/// </summary>
internal sealed class TypeEncoderEmitter
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";
    private readonly ComplexInfo _type;
    private readonly TypeGrammar _grammar;

    public TypeEncoderEmitter(ComplexInfo type, TypeGrammar grammar)
    {
        _type = type;
        _grammar = grammar;
    }

    public void Emit(CodeBuilder code)
    {
        code.Open("internal static void E_" + _type.MethodSuffix + "(ref " + Rt + "ExiBitWriter w, " + _type.FullName + " v)");
        code.Line("int s = " + _grammar.Start.Id + ";");
        if (_type.Mixed)
        {
            code.Line("var text = v." + _type.TextProperty + " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(_type.TextProperty) + ");");
            code.Line("var t = 0;");
            code.Line("var children = 0;");
        }

        EmitAttributes(code);
        if (_type.SimpleContent is not null)
        {
            EmitCode(code, new Production(ProductionKind.TypedCharacters, 0));
            var t = _type.SimpleContent;
            code.Line("var c = v." + _type.SimpleContentProperty + (t.IsValueType ? ";" : " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(_type.SimpleContentProperty) + ");"));
            ValueCode.Write(code, t, "c", _type.SimpleContentProperty);
            code.Line("s = " + _grammar.AfterCharacters!.Id + ";");
        }
        else
        {
            EmitParticle(code, _type.Content!, "v");
        }

        if (_type.Mixed)
        {
            EmitTextBefore(code);
            code.Line(Rt + "ExiFacets.TextPositions(text, t, children);");
        }

        EmitCode(code, new Production(ProductionKind.EndElement, 0));
        code.Close();
        if (_type.Mixed)
        {
            EmitTextWriter(code);
        }
    }

    private void EmitAttributes(CodeBuilder code)
    {
        for (var i = 0; i < _type.Attributes.Count; i++)
        {
            var attribute = _type.Attributes[i];
            var production = new Production(ProductionKind.Attribute, i);
            if (attribute.Required)
            {
                var local = "a" + i;
                code.Line("var " + local + " = v." + attribute.PropertyName + (attribute.Type.IsValueType ? ";" : " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(attribute.PropertyName) + ");"));
                EmitCode(code, production);
                code.Line("s = " + _grammar.AfterAttribute(i).Id + ";");
                ValueCode.Write(code, attribute.Type, local, attribute.PropertyName);
            }
            else
            {
                code.Open("if (v." + attribute.PropertyName + " is { } a" + i + ")");
                EmitCode(code, production);
                code.Line("s = " + _grammar.AfterAttribute(i).Id + ";");
                ValueCode.Write(code, attribute.Type, "a" + i, attribute.PropertyName);
                code.Close();
            }
        }
    }

    /// <summary>
    /// Writes the event code of <paramref name="production"/> for the current state. With
    /// <paramref name="thenCharacters"/> the 1-bit CH code (0) of a simple-typed child is folded into the same write.
    /// </summary>
    private void EmitCode(CodeBuilder code, Production production, bool thenCharacters = false)
    {
        var extra = thenCharacters ? 1 : 0;
        var states = _grammar.StatesWith(production).ToList();
        if (states.Count == 1)
        {
            var (state, c) = states[0];
            code.Line("if (s != " + state.Id + ") throw " + Rt + "ExiFacets.GrammarViolation(s);");
            code.Line("w.WriteBits(" + (state.Width + extra) + ", " + (c << extra) + ");");
            return;
        }

        code.Open("switch (s)");
        foreach (var (state, c) in states)
        {
            code.Line("case " + state.Id + ": w.WriteBits(" + (state.Width + extra) + ", " + (c << extra) + "); break;");
        }

        code.Line("default: throw " + Rt + "ExiFacets.GrammarViolation(s);");
        code.Close();
    }

    public static string Present(Particle particle, string owner)
    {
        if (particle is LeafParticle leaf)
        {
            return leaf.IsList ? owner + "." + leaf.PropertyName + ".Count > 0" : owner + "." + leaf.PropertyName + " is not null";
        }

        var group = (GroupParticle)particle;
        return group.Children.Count == 0 ? "false" : "(" + string.Join(" || ", group.Children.Select(c => Present(c, owner))) + ")";
    }

    private void EmitParticle(CodeBuilder code, Particle particle, string owner)
    {
        if (particle is LeafParticle leaf)
        {
            EmitLeaf(code, leaf, owner);
            return;
        }

        var group = (GroupParticle)particle;
        if (group.Item is { } item && owner == "v")
        {
            EmitItems(code, item);
            return;
        }

        var checkedHere = owner == "v" ? !group.Repeats && !ParticleQueries.InsideRepeatedGroup(group) : !group.Repeats;
        if (group.IsChoice && checkedHere)
        {
            EmitChoiceCheck(code, group, owner, TypeGrammar.Nullable(group) || (owner == "v" && ParticleQueries.IsInsideOptional(group)));
        }

        foreach (var child in group.Children)
        {
            EmitParticle(code, child, owner);
        }
    }

    private static void EmitChoiceCheck(CodeBuilder code, GroupParticle group, string owner, bool optional)
    {
        if (group.Children.Count > 1)
        {
            code.Line(Rt + "ExiFacets.Choice(" + string.Join(" + ", group.Children.Select(c => "(" + Present(c, owner) + " ? 1 : 0)")) + ", "
                + (optional ? "true" : "false") + ", " + Names.Literal(string.Join("|", group.Children.OfType<LeafParticle>().Select(l => l.PropertyName))) + ");");
        }
    }

    /// <summary>One occurrence of a repeated group per item, in list order (EXI codes them as they come).</summary>
    private void EmitItems(CodeBuilder code, ItemGroup item)
    {
        var group = item.Group;
        code.Open("");
        code.Line("var items = v." + item.PropertyName + " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(item.PropertyName) + ");");
        code.Line(Rt + "ExiFacets.Occurrences(items.Count, " + group.Min + ", " + (group.Max == -1 ? "int.MaxValue" : group.Max.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ", "
            + (ParticleQueries.IsInsideOptional(group) ? "true" : "false") + ", " + Names.Literal(item.PropertyName) + ");");
        code.Open("foreach (var item in items)");
        code.Line("if (item is null) throw " + Rt + "ExiFacets.Missing(" + Names.Literal(item.PropertyName) + ");");
        if (group.IsChoice)
        {
            EmitChoiceCheck(code, group, "item", false);
        }

        foreach (var child in group.Children)
        {
            EmitParticle(code, child, "item");
        }

        code.Close();
        code.Close();
    }

    private void EmitLeaf(CodeBuilder code, LeafParticle leaf, string owner)
    {
        var production = new Production(ProductionKind.StartElement, leaf.Index);
        var states = _grammar.Leaves[leaf.Index];
        var property = owner + "." + leaf.PropertyName;
        var simple = leaf.Element?.Complex is null && !leaf.IsWildcard;
        if (leaf.IsList)
        {
            code.Open("");
            code.Line("var list = " + property + " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(leaf.PropertyName) + ");");
            if (!leaf.InRepeatedGroup)
            {
                code.Line(Rt + "ExiFacets.Occurrences(list.Count, " + leaf.Min + ", " + (leaf.Max == -1 ? int.MaxValue : leaf.Max) + ", " + (leaf.IsOptional ? "true" : "false") + ", " + Names.Literal(leaf.PropertyName) + ");");
            }
            else if (leaf.Item is null)
            {
                code.Line(Rt + "ExiFacets.Occurrences(list.Count, " + leaf.ListMin + ", " + (leaf.ListMax == -1 ? int.MaxValue : leaf.ListMax) + ", " + (ParticleQueries.IsInsideOptional(leaf) && leaf.ListMin > 0 ? "true" : "false") + ", " + Names.Literal(leaf.PropertyName) + ");");
            }

            code.Open("for (var i = 0; i < list.Count; i++)");
            EmitTextBefore(code);
            EmitCode(code, production, simple);
            code.Line("s = " + ParticleQueries.AfterListExpression(leaf, states, "i + 1") + ";");
            EmitContent(code, leaf, "list[i]");
            EmitChildCounted(code);
            code.Close();
            code.Close();
            return;
        }

        var local = "x" + leaf.Index;
        if (leaf.IsOptional)
        {
            code.Open("if (" + property + " is { } " + local + ")");
        }
        else
        {
            code.Open("");
            code.Line("var " + local + " = " + property + (ModelEmitter.IsValueType(leaf) ? ";" : " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(leaf.PropertyName) + ");"));
        }

        EmitTextBefore(code);
        if (!TryEmitFusedEncode(code, leaf, production, local))
        {
            EmitCode(code, production, simple);
            EmitContent(code, leaf, local);
        }

        code.Line("s = " + states.Single!.Id + ";");
        EmitChildCounted(code);
        code.Close();
    }

    private void EmitTextBefore(CodeBuilder code)
    {
        if (_type.Mixed)
        {
            code.Line("t = TX_" + _type.MethodSuffix + "(ref w, ref s, text, t, children);");
        }
    }

    private void EmitChildCounted(CodeBuilder code)
    {
        if (_type.Mixed)
        {
            code.Line("children++;");
        }
    }

    /// <summary>
    /// The text segments at the current position: CH [untyped value] (EXI 1.0 §8.5.4.1.3.2) in the current state,
    /// which leads to the content state it belongs to, then the value as a String literal.
    /// </summary>
    private void EmitTextWriter(CodeBuilder code)
    {
        code.Open("private static int TX_" + _type.MethodSuffix + "(ref " + Rt + "ExiBitWriter w, ref int s, global::System.Collections.Generic.List<" + Rt + "ExiTextSegment> text, int t, int children)");
        code.Open("for (; t < text.Count && (text[t]?.Position ?? children) <= children; t++)");
        code.Line("var segment = text[t] ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(_type.TextProperty) + ");");
        code.Line("if (segment.Position < children) throw " + Rt + "ExiFacets.TextOrder(segment.Position);");
        code.Open("switch (s)");
        foreach (var (state, c, target) in _grammar.StatesWithCharacters())
        {
            code.Line("case " + state.Id + ": w.WriteBits(" + state.Width + ", " + c + "); s = " + target + "; break;");
        }

        code.Line("default: throw " + Rt + "ExiFacets.GrammarViolation(s);");
        code.Close();
        code.Line("w.WriteStringLiteral(segment.Value);");
        code.Close();
        code.Line("return t;");
        code.Close();
    }

    /// <summary>
    /// A fixed-width simple element reached from one state: its SE code, CH code (0), value and EE code (0) are
    /// a constant-width bit string, written with a single call.
    /// </summary>
    private bool TryEmitFusedEncode(CodeBuilder code, LeafParticle leaf, Production production, string expr)
    {
        var simple = leaf.Element?.Simple;
        if (simple is null || !ValueCode.IsFixedWidth(simple))
        {
            return false;
        }

        var states = _grammar.StatesWith(production).ToList();
        var bits = ValueCode.FixedWidth(simple);
        if (states.Count != 1 || states[0].State.Width + bits + 2 > 32)
        {
            return false;
        }

        var (state, c) = states[0];
        code.Line("if (s != " + state.Id + ") throw " + Rt + "ExiFacets.GrammarViolation(s);");
        var value = ValueCode.FixedWidthBits(code, simple, expr, leaf.PropertyName);
        code.Line("w.WriteBits(" + (state.Width + bits + 2) + ", " + ((uint)c << (bits + 2)) + "u | (" + value + " << 1));");
        return true;
    }

    private static void EmitContent(CodeBuilder code, LeafParticle leaf, string expr)
    {
        if (leaf.IsWildcard)
        {
            code.Line(Rt + "ExiWildcardCodec.Encode(ref w, WildcardSchema, " + expr + ", " + ParticleQueries.OtherThanLiteral(leaf) + ");");
            return;
        }

        var decl = leaf.Element!;
        if (decl.Complex is not null)
        {
            code.Line("E_" + decl.Complex.MethodSuffix + "(ref w, " + expr + ");");
            return;
        }

        // A simple-typed element: CH (the only first-level production, 1 bit, already written with the SE
        // code), the value, then EE (1 bit).
        ValueCode.Write(code, decl.Simple!, expr, leaf.PropertyName);
        code.Line("w.WriteBits(1, 0);");
    }
}
