using System.Collections.Generic;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Grammar;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>Emits the encoder and decoder of one complex type from its EXI grammar.</summary>
internal sealed class TypeCodecEmitter
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";
    private readonly ComplexInfo _type;
    private readonly TypeGrammar _grammar;
    private readonly QualifiedNameIds _ids;

    public TypeCodecEmitter(ComplexInfo type, QualifiedNameIds ids)
    {
        _type = type;
        _grammar = new TypeGrammar(type);
        _ids = ids;
    }

    public void EmitEncoder(CodeBuilder code)
    {
        code.Open("internal static void E_" + _type.MethodSuffix + "(ref " + Rt + "ExiBitWriter w, " + _type.FullName + " v)");
        code.Line("int s = " + _grammar.Start.Id + ";");
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
            EmitParticleEncode(code, _type.Content!);
        }

        EmitCode(code, new Production(ProductionKind.EndElement, 0));
        code.Close();
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

    private static string Present(Particle particle)
    {
        if (particle is LeafParticle leaf)
        {
            if (leaf.IsWildcard)
            {
                return "false";
            }

            return leaf.IsList ? "v." + leaf.PropertyName + ".Count > 0" : "v." + leaf.PropertyName + " is not null";
        }

        var group = (GroupParticle)particle;
        var parts = group.Children.Select(Present).Where(p => p != "false").ToList();
        return parts.Count == 0 ? "false" : "(" + string.Join(" || ", parts) + ")";
    }

    private void EmitParticleEncode(CodeBuilder code, Particle particle)
    {
        if (particle is LeafParticle leaf)
        {
            if (!leaf.IsWildcard)
            {
                EmitLeafEncode(code, leaf);
            }

            return;
        }

        var group = (GroupParticle)particle;
        if (group.IsChoice && !group.Repeats && !InsideRepeatedGroup(group))
        {
            var alternatives = group.Children.Select(Present).Where(p => p != "false").ToList();
            if (alternatives.Count > 1)
            {
                var optional = TypeGrammar.Nullable(group) || IsInsideOptional(group);
                code.Line(Rt + "ExiFacets.Choice(" + string.Join(" + ", alternatives.Select(a => "(" + a + " ? 1 : 0)")) + ", "
                    + (optional ? "true" : "false") + ", " + Names.Literal(string.Join("|", group.Children.OfType<LeafParticle>().Select(l => l.PropertyName))) + ");");
            }
        }

        foreach (var child in group.Children)
        {
            EmitParticleEncode(code, child);
        }
    }

    private static bool InsideRepeatedGroup(Particle particle)
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

    private static bool IsInsideOptional(Particle particle)
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

    private void EmitLeafEncode(CodeBuilder code, LeafParticle leaf)
    {
        var production = new Production(ProductionKind.StartElement, leaf.Index);
        var states = _grammar.Leaves[leaf.Index];
        var property = "v." + leaf.PropertyName;
        if (leaf.IsList)
        {
            code.Open("");
            code.Line("var list = " + property + " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(leaf.PropertyName) + ");");
            if (!leaf.InRepeatedGroup)
            {
                code.Line(Rt + "ExiFacets.Occurrences(list.Count, " + leaf.Min + ", " + (leaf.Max == -1 ? int.MaxValue : leaf.Max) + ", " + (leaf.IsOptional ? "true" : "false") + ", " + Names.Literal(leaf.PropertyName) + ");");
            }

            code.Open("for (var i = 0; i < list.Count; i++)");
            EmitCode(code, production, leaf.Element!.Complex is null);
            code.Line("s = " + AfterListExpression(leaf, states, "i + 1") + ";");
            EmitContentEncode(code, leaf, "list[i]");
            code.Close();
            code.Close();
            return;
        }

        if (leaf.IsOptional)
        {
            code.Open("if (" + property + " is { } x" + leaf.Index + ")");
        }
        else
        {
            code.Open("");
            code.Line("var x" + leaf.Index + " = " + property + (ModelEmitter.IsValueType(leaf) ? ";" : " ?? throw " + Rt + "ExiFacets.Missing(" + Names.Literal(leaf.PropertyName) + ");"));
        }

        if (!TryEmitFusedEncode(code, leaf, production, "x" + leaf.Index))
        {
            EmitCode(code, production, leaf.Element!.Complex is null);
            EmitContentEncode(code, leaf, "x" + leaf.Index);
        }

        code.Line("s = " + states.Single!.Id + ";");
        code.Close();
    }

    /// <summary>
    /// A fixed-width simple element reached from one state: its SE code, CH code (0), value and EE code (0) are
    /// a constant-width bit string, written with a single call.
    /// </summary>
    private bool TryEmitFusedEncode(CodeBuilder code, LeafParticle leaf, Production production, string expr)
    {
        var simple = leaf.Element!.Simple;
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

    private static void EmitContentEncode(CodeBuilder code, LeafParticle leaf, string expr)
    {
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

    public void EmitDecoder(CodeBuilder code)
    {
        code.Open("internal static " + _type.FullName + " D_" + _type.MethodSuffix + "(ref " + Rt + "ExiBitReader r)");
        code.Line("var v = new " + _type.FullName + "();");
        code.Line("int s = " + _grammar.Start.Id + ";");
        code.Open("while (true)");
        code.Open("switch (s)");
        foreach (var state in _grammar.States)
        {
            code.Open("case " + state.Id + ":");
            code.Line("var code = r.ReadBits(" + state.Width + ");");
            code.Open("switch (code)");
            for (var c = 0; c < state.Productions.Count; c++)
            {
                code.Open("case " + c + ":");
                EmitDecodeAction(code, state.Productions[c]);
                code.Close();
            }

            code.Line("default: throw " + Rt + "ExiBitReader.UnknownEventCode(code);");
            code.Close();
            code.Close();
        }

        code.Line("default: throw " + Rt + "ExiFacets.GrammarViolation(s);");
        code.Close();
        code.Close();
        code.Close();
    }

    private void EmitDecodeAction(CodeBuilder code, Production production)
    {
        switch (production.Kind)
        {
            case ProductionKind.Attribute:
                var attribute = _type.Attributes[production.Target];
                code.Line("v." + attribute.PropertyName + " = " + ValueCode.Read(attribute.Type, _ids.Get(attribute.Name)) + ";");
                code.Line("s = " + _grammar.AfterAttribute(production.Target).Id + ";");
                code.Line("continue;");
                break;
            case ProductionKind.EndElement:
                code.Line("return v;");
                break;
            case ProductionKind.TypedCharacters:
                code.Line("v." + _type.SimpleContentProperty + " = " + ValueCode.Read(_type.SimpleContent!, _ids.Get(new QName("#content", _type.Key.Ns + _type.Key.Local))) + ";");
                code.Line("s = " + _grammar.AfterCharacters!.Id + ";");
                code.Line("continue;");
                break;
            case ProductionKind.UntypedCharacters:
                code.Line("throw " + Rt + "ExiFacets.Unsupported(\"mixed character content\");");
                break;
            default:
                EmitLeafDecode(code, _type.Leaves[production.Target]);
                break;
        }
    }

    private void EmitLeafDecode(CodeBuilder code, LeafParticle leaf)
    {
        if (leaf.IsWildcard)
        {
            code.Line("throw " + Rt + "ExiFacets.Unsupported(\"wildcard (xs:any) element content\");");
            return;
        }

        var decl = leaf.Element!;
        string value;
        if (decl.Complex is not null)
        {
            value = "D_" + decl.Complex.MethodSuffix + "(ref r)";
        }
        else if (ValueCode.IsFixedWidth(decl.Simple!))
        {
            code.Line("var x = " + ValueCode.ReadFramed(decl.Simple!) + ";");
            value = "x";
        }
        else
        {
            code.Line("r.ExpectZeroBit();");
            code.Line("var x = " + ValueCode.Read(decl.Simple!, _ids.Get(decl.Name)) + ";");
            code.Line("r.ExpectZeroBit();");
            value = "x";
        }

        var states = _grammar.Leaves[leaf.Index];
        if (leaf.IsList)
        {
            code.Line("v." + leaf.PropertyName + ".Add(" + value + ");");
            code.Line("s = " + AfterListExpression(leaf, states, "v." + leaf.PropertyName + ".Count") + ";");
        }
        else
        {
            code.Line("v." + leaf.PropertyName + " = " + value + ";");
            code.Line("s = " + states.Single!.Id + ";");
        }

        code.Line("continue;");
    }
}

/// <summary>Numbers qualified names for the local partitions of the decoder's string table.</summary>
internal sealed class QualifiedNameIds
{
    private readonly Dictionary<QName, int> _ids = new Dictionary<QName, int>();

    public int Get(QName name)
    {
        if (!_ids.TryGetValue(name, out var id))
        {
            id = _ids.Count;
            _ids[name] = id;
        }

        return id;
    }
}
