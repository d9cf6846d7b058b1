using System.Collections.Generic;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// The code of one set's root elements: how each root's content is decoded, encoded, written, read and sampled.
/// A root is a complex type, a simple type, or (a fragment qname declared with different types) a relaxed
/// element fragment whose value is an ExiElement (EXI 1.0 §8.5.3).
/// </summary>
internal sealed class RootCode
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";
    private readonly SetResolver _set;
    private readonly QualifiedNameIds _ids;

    public RootCode(SetResolver set, List<ElementDecl> roots, QualifiedNameIds ids, string rootEnum)
    {
        _set = set;
        Roots = roots;
        _ids = ids;
        RootEnum = rootEnum;
    }

    public List<ElementDecl> Roots { get; }

    public string RootEnum { get; }

    public bool IsRelaxed(int i) => _set.Set.IsFragment && _set.RelaxedNames.Contains(Roots[i].Name);

    public string Member(int i) =>
        RootEnum + "." + Names.Identifier(Roots[i].Name.Local) + (Roots.Take(i).Any(r => r.Name.Local == Roots[i].Name.Local) ? "_" + i : "");

    /// <summary>The C# type of the root's value.</summary>
    public string ValueType(int i) =>
        IsRelaxed(i) ? Rt + "ExiElement" : Roots[i].Complex is { } complex ? complex.FullName : Roots[i].Simple!.CsType;

    private bool IsValue(int i) => !IsRelaxed(i) && Roots[i].Complex is null && Roots[i].Simple!.IsValueType;

    /// <summary>An expression that decodes the root's content with reader <c>r</c>.</summary>
    public string Decode(int i)
    {
        if (IsRelaxed(i))
        {
            return Rt + "ExiRelaxedElementCodec.Decode(ref r, WildcardSchema, " + i + ")";
        }

        return Roots[i].Complex is { } complex ? TypeDecoderEmitter.Call(complex, Roots[i].Name, _ids) : "DR_" + i + "(ref r)";
    }

    /// <summary>A statement that encodes <paramref name="value"/> (an object) as the root's content with writer <c>w</c>.</summary>
    public string Encode(int i, string value)
    {
        var typed = Typed(i, value);
        if (IsRelaxed(i))
        {
            return Rt + "ExiRelaxedElementCodec.Encode(ref w, WildcardSchema, " + i + ", " + typed + ");";
        }

        return (Roots[i].Complex is { } complex ? "E_" + complex.MethodSuffix : "ER_" + i) + "(ref w, " + typed + ");";
    }

    /// <summary><paramref name="value"/> as the root's value type, or the codec's error when it is not.</summary>
    public string Typed(int i, string value) =>
        value + " as " + ValueType(i) + (IsValue(i) ? "?" : "") + " ?? throw " + Rt + "ExiFacets.Missing(\"Value\")";

    /// <summary>A statement that writes the root's attributes and content with XML writer <c>x</c>.</summary>
    public string Write(int i, string value)
    {
        if (IsRelaxed(i))
        {
            return Rt + "ExiNodeXml.WriteContent(x, WildcardSchema, " + Typed(i, value) + ");";
        }

        var root = Roots[i];
        return root.Complex is not null
            ? "W_" + root.Complex.MethodSuffix + "(x, " + Typed(i, value) + ");"
            : "x.WriteString(" + ValueCode.ToText(root.Simple!, "(" + Typed(i, value) + ")") + ");";
    }

    /// <summary>An expression that reads the root's value from XElement <c>e</c>.</summary>
    public string Read(int i)
    {
        if (IsRelaxed(i))
        {
            return Rt + "ExiNodeXml.ReadElement(e, WildcardSchema, true)";
        }

        var root = Roots[i];
        return root.Complex is not null ? "R_" + root.Complex.MethodSuffix + "(e)" : ValueCode.Parse(root.Simple!, "e.Value");
    }

    /// <summary>An expression for a random value of the root with sampler <c>g</c>.</summary>
    public string Sample(int i)
    {
        if (IsRelaxed(i))
        {
            return Rt + "ExiWildcardSampler.Relaxed(g, WildcardSchema, " + i + ")";
        }

        var root = Roots[i];
        return root.Complex is null ? SampleEmitter.Value(root.Simple!) : "S_" + root.Complex.MethodSuffix + "(g)";
    }

    /// <summary>Decoder and encoder of a simple-typed root: CH (1 bit), the value, EE (1 bit).</summary>
    public void EmitSimpleRootHelpers(CodeBuilder code)
    {
        for (var i = 0; i < Roots.Count; i++)
        {
            var root = Roots[i];
            if (root.Simple is null || IsRelaxed(i))
            {
                continue;
            }

            code.Open("private static " + root.Simple.CsType + " DR_" + i + "(ref " + Rt + "ExiBitReader r)");
            code.Line("r.ExpectZeroBit();");
            code.Line("var x = " + ValueCode.Read(root.Simple, _ids.Literal(root.Name)) + ";");
            code.Line("r.ExpectZeroBit();");
            code.Line("return x;");
            code.Close();
            code.Open("private static void ER_" + i + "(ref " + Rt + "ExiBitWriter w, " + root.Simple.CsType + " value)");
            code.Line("w.WriteBits(1, 0);");
            ValueCode.Write(code, root.Simple, "value", root.Name.Local);
            code.Line("w.WriteBits(1, 0);");
            code.Close();
        }
    }
}
