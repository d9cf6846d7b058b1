using System.Collections.Generic;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// Emits what wildcard, built-in and relaxed content need from one set: a dispatch by root index (decode,
/// encode, XML, sample), the qname lookups, and the string table's pre-populated URI and local-name partitions
/// (EXI 1.0 Appendix D). It lives in a nested class, so nothing of it is initialised before such content appears.
/// </summary>
internal static class WildcardSchemaEmitter
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";
    private static readonly string[] FixedUris =
    {
        "", "http://www.w3.org/XML/1998/namespace", "http://www.w3.org/2001/XMLSchema-instance", "http://www.w3.org/2001/XMLSchema",
    };

    public static void Emit(CodeBuilder code, SetResolver set, RootCode roots, QualifiedNameIds ids)
    {
        EmitDispatch(code, roots);
        code.Line("/// <summary>The set's qnames and root codecs for wildcard, built-in and relaxed content.</summary>");
        code.Line("internal static " + Rt + "ExiWildcardSchema WildcardSchema => Wildcards.Instance;");
        code.Line();
        code.Open("private sealed class Wildcards : " + Rt + "ExiWildcardSchema");
        code.Line("public static readonly Wildcards Instance = new Wildcards();");
        code.Line();
        EmitNames(code, set);
        code.Line("public override int RootCount => RootNames.Length;");
        code.Line("public override string RootNamespace(int index) => RootNamespaces[index];");
        code.Line("public override string RootLocalName(int index) => RootNames[index];");
        code.Line("public override object DecodeRoot(ref " + Rt + "ExiBitReader r, int index) => DecodeRootValue(ref r, index);");
        code.Line("public override void EncodeRoot(ref " + Rt + "ExiBitWriter w, int index, object value) => EncodeRootValue(ref w, index, value);");
        code.Line("public override void WriteRoot(global::System.Xml.XmlWriter x, int index, object value) => WriteRootValue(x, index, value);");
        code.Line("public override object ReadRoot(global::System.Xml.Linq.XElement e, int index) => ReadRootValue(e, index);");
        code.Line("public override object SampleRoot(int index, " + Rt + "ExiSampler g) => SampleRootValue(index, g);");
        var globals = new HashSet<QName>(set.GlobalNames);
        EmitLookup(code, "GlobalIndex", roots.Roots.Select((r, i) => (r.Name, i)).Where(t => globals.Contains(t.Name)));
        if (set.Set.IsFragment)
        {
            EmitLookup(code, "DeclarationIndex", roots.Roots.Select((r, i) => (r.Name, i)));
            var relaxed = Enumerable.Range(0, roots.Roots.Count).Where(roots.IsRelaxed).ToList();
            if (relaxed.Count > 0)
            {
                code.Line("public override bool IsRelaxed(int index) => " + string.Join(" || ", relaxed.Select(i => "index == " + i)) + ";");
                code.Line("private static readonly (string, string)[] Attributes = { " + string.Join(", ", set.Declared.RelaxedAttributes().Select(a => "(" + Names.Literal(a.Ns) + ", " + Names.Literal(a.Local) + ")")) + " };");
                code.Line("public override (string Ns, string Local)[] RelaxedAttributes => Attributes;");
            }
        }

        EmitLookup(code, "ValueId", ids.All.Select(p => (p.Key, p.Value)));
        code.Close();
    }

    private static void EmitDispatch(CodeBuilder code, RootCode roots)
    {
        var count = roots.Roots.Count;
        EmitStatementSwitch(code, "internal static object DecodeRootValue(ref " + Rt + "ExiBitReader r, int index)", count, i => "return " + roots.Decode(i) + ";");
        EmitStatementSwitch(code, "internal static void EncodeRootValue(ref " + Rt + "ExiBitWriter w, int index, object value)", count, i => roots.Encode(i, "value") + " break;");
        EmitStatementSwitch(code, "internal static void WriteRootValue(global::System.Xml.XmlWriter x, int index, object value)", count, i => roots.Write(i, "value") + " break;");
        EmitExpressionSwitch(code, "internal static object ReadRootValue(global::System.Xml.Linq.XElement e, int index)", count, roots.Read);
        EmitExpressionSwitch(code, "internal static object SampleRootValue(int index, " + Rt + "ExiSampler g)", count, roots.Sample);
    }

    private static void EmitStatementSwitch(CodeBuilder code, string signature, int count, System.Func<int, string> statement)
    {
        code.Open(signature);
        code.Open("switch (index)");
        for (var i = 0; i < count; i++)
        {
            code.Line("case " + i + ": " + statement(i));
        }

        code.Line("default: throw new global::System.ArgumentOutOfRangeException(nameof(index));");
        code.Close();
        code.Close();
        code.Line();
    }

    private static void EmitExpressionSwitch(CodeBuilder code, string signature, int count, System.Func<int, string> expression)
    {
        code.Open(signature + " => index switch");
        for (var i = 0; i < count; i++)
        {
            code.Line(i + " => " + expression(i) + ",");
        }

        code.Line("_ => throw new global::System.ArgumentOutOfRangeException(nameof(index)),");
        code.Close(";");
        code.Line();
    }

    /// <summary>A qname lookup: a string switch on the local name, then the namespace; -1 when absent.</summary>
    private static void EmitLookup(CodeBuilder code, string name, IEnumerable<(QName Name, int Value)> entries)
    {
        code.Open("public override int " + name + "(string ns, string local)");
        code.Open("switch (local)");
        foreach (var group in entries.GroupBy(e => e.Name.Local).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            code.Line("case " + Names.Literal(group.Key) + ": return " + string.Join(" : ", group.Select(e => "ns == " + Names.Literal(e.Name.Ns) + " ? " + e.Value)) + " : -1;");
        }

        code.Line("default: return -1;");
        code.Close();
        code.Close();
    }

    /// <summary>Appendix D: the URI partition after its four fixed entries, and each partition's sorted local names.</summary>
    private static void EmitNames(CodeBuilder code, SetResolver set)
    {
        var declared = set.Declared.LocalNames();
        var namespaces = set.Namespaces.Where(n => !FixedUris.Contains(n)).ToList();
        declared.TryGetValue("", out var unqualified);
        code.Line("private Wildcards()");
        code.Line("    : base(new " + Rt + "ExiSchemaNames(");
        code.Line("        " + Array(unqualified ?? new SortedSet<string>()) + ",");
        code.Line("        " + Array(namespaces) + ",");
        code.Line("        new string[][] { " + string.Join(", ", namespaces.Select(n => declared.TryGetValue(n, out var names) ? Array(names) : "global::System.Array.Empty<string>()")) + " }))");
        code.Line("{");
        code.Line("}");
        code.Line();
    }

    private static string Array(IEnumerable<string> values) => "new string[] { " + string.Join(", ", values.Select(Names.Literal)) + " }";
}
