using System.Globalization;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>C# snippets that encode, decode, print and parse one simple-typed value, facets included.</summary>
internal static class ValueCode
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Statements that check facets and write <paramref name="expr"/> with writer <c>w</c>.</summary>
    public static void Write(CodeBuilder code, SimpleInfo t, string expr, string what)
    {
        var name = Names.Literal(what);
        switch (t.Kind)
        {
            case ValueKind.Boolean:
                code.Line("w.WriteBoolean(" + expr + ");");
                break;
            case ValueKind.Enumeration:
                code.Line("w.WriteBits(" + BitMath.BitsFor(t.EnumValues.Count) + ", " + Rt + "ExiFacets.Enumeration((uint)" + expr + ", " + t.EnumValues.Count + ", " + name + "));");
                break;
            case ValueKind.String:
                if (t.MaxLength.HasValue)
                {
                    code.Line(Rt + "ExiFacets.MaxLength(" + expr + ", " + t.MaxLength.Value + ", " + name + ");");
                }

                if (t.MinLength.HasValue)
                {
                    code.Line(Rt + "ExiFacets.MinLength(" + expr + ", " + t.MinLength.Value + ", " + name + ");");
                }

                code.Line("w.WriteStringLiteral(" + expr + ");");
                break;
            case ValueKind.Binary:
                if (t.MaxLength.HasValue)
                {
                    code.Line(Rt + "ExiFacets.MaxLength(" + expr + ", " + t.MaxLength.Value + ", " + name + ");");
                }

                if (t.MinLength.HasValue)
                {
                    code.Line(Rt + "ExiFacets.MinLength(" + expr + ", " + t.MinLength.Value + ", " + name + ");");
                }

                code.Line("w.WriteBinary(" + expr + ");");
                break;
            default:
                WriteInteger(code, t, expr, name);
                break;
        }
    }

    /// <summary>Booleans, enumerations and n-bit integers have a fixed width, so their CH/value/EE can be one write.</summary>
    public static bool IsFixedWidth(SimpleInfo t) =>
        t.Kind == ValueKind.Boolean || t.Kind == ValueKind.Enumeration || (t.Kind == ValueKind.Integer && t.Coding == IntegerCoding.NBit);

    public static int FixedWidth(SimpleInfo t) =>
        t.Kind == ValueKind.Boolean ? 1 : t.Kind == ValueKind.Enumeration ? BitMath.BitsFor(t.EnumValues.Count) : t.NBits;

    /// <summary>Emits the facet checks of a fixed-width value and returns its bits as a uint expression.</summary>
    public static string FixedWidthBits(CodeBuilder code, SimpleInfo t, string expr, string what)
    {
        var name = Names.Literal(what);
        switch (t.Kind)
        {
            case ValueKind.Boolean:
                return "(" + expr + " ? 1u : 0u)";
            case ValueKind.Enumeration:
                return Rt + "ExiFacets.Enumeration((uint)" + expr + ", " + t.EnumValues.Count + ", " + name + ")";
            default:
                EmitRangeCheck(code, t, expr, name);
                return NBitOffset(t, expr);
        }
    }

    /// <summary>An expression decoding a fixed-width simple element's CH, value and EE with one read.</summary>
    public static string ReadFramed(SimpleInfo t)
    {
        var read = "r.ReadFramed(" + FixedWidth(t) + ")";
        switch (t.Kind)
        {
            case ValueKind.Boolean:
                return read + " != 0";
            case ValueKind.Enumeration:
                return "(" + t.CsType + ")" + Rt + "ExiBitReader.Enumeration(" + read + ", " + t.EnumValues.Count + ")";
            default:
                return "(" + t.CsType + ")" + Rt + "ExiBitReader.Bounded(" + read + ", " + Num(t.Min!.Value) + "L, " + Num(t.Max!.Value) + "L)";
        }
    }

    private static string NBitOffset(SimpleInfo t, string expr) =>
        t.CsType == "ulong" ? "(uint)(" + expr + " - " + Num(t.Min!.Value) + "UL)" : "(uint)((long)" + expr + " - " + Num(t.Min!.Value) + "L)";

    private static void EmitRangeCheck(CodeBuilder code, SimpleInfo t, string expr, string name)
    {
        var checkMin = t.Min.HasValue && t.Min.Value > t.TypeMin;
        var checkMax = t.Max.HasValue && t.Max.Value < t.TypeMax;
        if (checkMin || checkMax)
        {
            var condition = (checkMin ? expr + " < " + Num(t.Min!.Value) : "") + (checkMin && checkMax ? " || " : "") + (checkMax ? expr + " > " + Num(t.Max!.Value) : "");
            code.Line("if (" + condition + ") " + Rt + "ExiFacets.ThrowRange(" + name + ", " + expr + ");");
        }
    }

    private static void WriteInteger(CodeBuilder code, SimpleInfo t, string expr, string name)
    {
        EmitRangeCheck(code, t, expr, name);
        switch (t.Coding)
        {
            case IntegerCoding.NBit:
                code.Line("w.WriteBits(" + t.NBits + ", " + NBitOffset(t, expr) + ");");
                break;
            case IntegerCoding.Unsigned:
                code.Line(t.IsBig ? Rt + "ExiBigIntegers.WriteUnsigned(ref w, " + expr + ");" : "w.WriteUnsigned((ulong)" + expr + ");");
                break;
            default:
                code.Line(t.IsBig ? Rt + "ExiBigIntegers.WriteInteger(ref w, " + expr + ");" : "w.WriteInteger((long)" + expr + ");");
                break;
        }
    }

    /// <summary>An expression that reads one value with reader <c>r</c>, enforcing its facets.</summary>
    public static string Read(SimpleInfo t, string qualifiedNameId)
    {
        switch (t.Kind)
        {
            case ValueKind.Boolean:
                return "r.ReadBoolean()";
            case ValueKind.Enumeration:
                return "(" + t.CsType + ")r.ReadEnumeration(" + BitMath.BitsFor(t.EnumValues.Count) + ", " + t.EnumValues.Count + ")";
            case ValueKind.String:
                return WithMinLength(t, "r.ReadString(" + qualifiedNameId + ", " + (t.MaxLength ?? int.MaxValue) + ")");
            case ValueKind.Binary:
                return WithMinLength(t, "r.ReadBinary(" + (t.MaxLength.HasValue ? t.MaxLength.Value.ToString(CultureInfo.InvariantCulture) : Rt + "ExiLimits.MaxMessageBytes") + ")");
        }

        if (t.IsBig && t.Coding != IntegerCoding.NBit)
        {
            return ReadBig(t);
        }

        var min = t.Min ?? t.TypeMin;
        var max = t.Max ?? t.TypeMax;
        switch (t.Coding)
        {
            case IntegerCoding.NBit:
                return "(" + t.CsType + ")r.ReadBoundedInteger(" + t.NBits + ", " + Num(min) + "L, " + Num(max) + "L)";
            case IntegerCoding.Unsigned:
                return "(" + t.CsType + ")r.ReadUnsigned(" + Num(min) + "UL, " + Num(max) + "UL)";
            default:
                return "(" + t.CsType + ")r.ReadInteger(" + Num(min) + "L, " + Num(max) + "L)";
        }
    }

    private static string ReadBig(SimpleInfo t)
    {
        var read = Rt + "ExiBigIntegers." + (t.Coding == IntegerCoding.Unsigned ? "ReadUnsigned" : "ReadInteger") + "(ref r)";
        if (!t.Min.HasValue && !t.Max.HasValue)
        {
            return read;
        }

        return Rt + "ExiBigIntegers.InRange(" + read + ", " + (t.Min.HasValue ? Names.Literal(Num(t.Min.Value)) : "null") + ", "
            + (t.Max.HasValue ? Names.Literal(Num(t.Max.Value)) : "null") + ", \"value\")";
    }

    private static string WithMinLength(SimpleInfo t, string read) =>
        t.MinLength.HasValue ? Rt + "ExiFacets.MinLength(" + read + ", " + t.MinLength.Value + ", \"value\")" : read;

    /// <summary>An expression giving the XML lexical form of a value.</summary>
    public static string ToText(SimpleInfo t, string expr)
    {
        switch (t.Kind)
        {
            case ValueKind.Boolean:
                return "(" + expr + " ? \"true\" : \"false\")";
            case ValueKind.Enumeration:
                return t.CsType + "Lexical.ToXml(" + expr + ")";
            case ValueKind.String:
                return expr;
            case ValueKind.Binary:
                return t.IsHex ? "global::System.Convert.ToHexString(" + expr + ")" : "global::System.Convert.ToBase64String(" + expr + ")";
            default:
                return expr + ".ToString(global::System.Globalization.CultureInfo.InvariantCulture)";
        }
    }

    /// <summary>An expression parsing XML text into a value (range facets are checked on encode).</summary>
    public static string Parse(SimpleInfo t, string text)
    {
        switch (t.Kind)
        {
            case ValueKind.Boolean:
                return Rt + "ExiXmlText.ParseBoolean(" + text + ")";
            case ValueKind.Enumeration:
                return t.CsType + "Lexical.Parse(" + text + ")";
            case ValueKind.String:
                return text;
            case ValueKind.Binary:
                return t.IsHex ? Rt + "ExiXmlText.ParseHex(" + text + ")" : Rt + "ExiXmlText.ParseBase64(" + text + ")";
            default:
                if (t.IsBig)
                {
                    return Rt + "ExiBigIntegers.Parse(" + text + ")";
                }

                return t.CsType == "ulong"
                    ? Rt + "ExiXmlText.ParseUnsigned(" + text + ")"
                    : "(" + t.CsType + ")" + Rt + "ExiXmlText.ParseInteger(" + text + ", " + t.CsType + ".MinValue, " + t.CsType + ".MaxValue)";
        }
    }
}
