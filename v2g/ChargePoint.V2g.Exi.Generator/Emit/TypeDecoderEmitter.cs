using ChargePoint.V2g.Exi.Generator.Grammar;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// Emits the decoder of one complex type: a loop over its grammar states that reads each state's event code
/// (ceil(log2(n + 1)) bits with strict = false) and acts on the production. An SE of a repeated group's leaf
/// starts a new item unless the leaf can follow the previous one within the same occurrence.
/// </summary>
internal sealed class TypeDecoderEmitter
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";
    private readonly ComplexInfo _type;
    private readonly TypeGrammar _grammar;
    private readonly QualifiedNameIds _ids;

    public TypeDecoderEmitter(ComplexInfo type, TypeGrammar grammar, QualifiedNameIds ids)
    {
        _type = type;
        _grammar = grammar;
        _ids = ids;
    }

    /// <summary>The call that decodes the content of element <paramref name="element"/> of complex type <paramref name="type"/>.</summary>
    public static string Call(ComplexInfo type, QName element, QualifiedNameIds ids) =>
        "D_" + type.MethodSuffix + "(ref r" + (type.TakesElementId ? ", " + ids.Get(element) : "") + ")";

    public void Emit(CodeBuilder code)
    {
        // e: the local value partition of the element being decoded (simple or mixed content, EXI 1.0 §7.3.1).
        code.Open("internal static " + _type.FullName + " D_" + _type.MethodSuffix + "(ref " + Rt + "ExiBitReader r" + (_type.TakesElementId ? ", int e" : "") + ")");
        code.Line("var v = new " + _type.FullName + "();");
        code.Line("int s = " + _grammar.Start.Id + ";");
        if (_type.Mixed)
        {
            code.Line("var children = 0;");
        }

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
                EmitAction(code, state, state.Productions[c]);
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

    private void EmitAction(CodeBuilder code, GrammarState state, Production production)
    {
        switch (production.Kind)
        {
            case ProductionKind.Attribute:
                var attribute = _type.Attributes[production.Target];
                code.Line("v." + attribute.PropertyName + " = " + ValueCode.Read(attribute.Type, _ids.Get(attribute.Name).ToString(System.Globalization.CultureInfo.InvariantCulture)) + ";");
                code.Line("s = " + _grammar.AfterAttribute(production.Target).Id + ";");
                code.Line("continue;");
                break;
            case ProductionKind.EndElement:
                code.Line("return v;");
                break;
            case ProductionKind.TypedCharacters:
                code.Line("v." + _type.SimpleContentProperty + " = " + ValueCode.Read(_type.SimpleContent!, "e") + ";");
                code.Line("s = " + _grammar.AfterCharacters!.Id + ";");
                code.Line("continue;");
                break;
            case ProductionKind.UntypedCharacters:
                code.Line("v." + _type.TextProperty + ".Add(new " + Rt + "ExiTextSegment(children, r.ReadString(e, int.MaxValue)));");
                code.Line("s = " + production.Target + ";");
                code.Line("continue;");
                break;
            default:
                EmitLeaf(code, state, _type.Leaves[production.Target]);
                break;
        }
    }

    private void EmitLeaf(CodeBuilder code, GrammarState state, LeafParticle leaf)
    {
        string value;
        if (leaf.IsWildcard)
        {
            value = Rt + "ExiWildcardCodec.Decode(ref r, WildcardSchema, " + ParticleQueries.OtherThanLiteral(leaf) + ")";
        }
        else if (leaf.Element!.Complex is { } complex)
        {
            value = Call(complex, leaf.Element.Name, _ids);
        }
        else if (ValueCode.IsFixedWidth(leaf.Element.Simple!))
        {
            code.Line("var x = " + ValueCode.ReadFramed(leaf.Element.Simple!) + ";");
            value = "x";
        }
        else
        {
            code.Line("r.ExpectZeroBit();");
            code.Line("var x = " + ValueCode.Read(leaf.Element.Simple!, _ids.Get(leaf.Element.Name).ToString(System.Globalization.CultureInfo.InvariantCulture)) + ";");
            code.Line("r.ExpectZeroBit();");
            value = "x";
        }

        var owner = "v";
        if (leaf.Item is { } item)
        {
            owner = "item";
            code.Line(ParticleQueries.ContinuesItem(_type, _grammar, state, leaf)
                ? "var item = v." + item.PropertyName + "[v." + item.PropertyName + ".Count - 1];"
                : "var item = new global::" + _type.CsNamespace + "." + item.CsName + "(); v." + item.PropertyName + ".Add(item);");
        }

        var states = _grammar.Leaves[leaf.Index];
        if (leaf.IsList)
        {
            code.Line(owner + "." + leaf.PropertyName + ".Add(" + value + ");");
            code.Line("s = " + ParticleQueries.AfterListExpression(leaf, states, owner + "." + leaf.PropertyName + ".Count") + ";");
        }
        else
        {
            code.Line(owner + "." + leaf.PropertyName + " = " + value + ";");
            code.Line("s = " + states.Single!.Id + ";");
        }

        if (_type.Mixed)
        {
            code.Line("children++;");
        }

        code.Line("continue;");
    }
}
