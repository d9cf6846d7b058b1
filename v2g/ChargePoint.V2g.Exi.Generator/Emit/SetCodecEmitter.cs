using System.Collections.Generic;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// Emits one schema set's codec: the document grammar (root element codes), typed entry points,
/// the per-type encoders/decoders and the XML bridge.
/// </summary>
internal static class SetCodecEmitter
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";

    public static List<(string HintName, string Source)> Emit(SetResolver set, List<ElementDecl> roots)
    {
        var outputs = new List<(string, string)>();
        var def = set.Set;
        var ids = new QualifiedNameIds();
        var rootEnum = def.CodecName.Replace("Codec", "") + "Root";
        var documentType = def.CodecName.Replace("Codec", "") + "Document";
        var rootBits = BitMath.BitsFor(roots.Count + (def.IsFragment ? 2 : 1));

        var rootCode = new RootCode(set, roots, ids, rootEnum);
        var code = new CodeBuilder();
        code.Line("/// <summary>Root elements of the <c>" + def.Name + "</c> set; each value is its EXI event code.</summary>");
        code.Open("public enum " + rootEnum);
        for (var i = 0; i < roots.Count; i++)
        {
            code.Line(Names.Identifier(roots[i].Name.Local) + (roots.Take(i).Any(r => r.Name.Local == roots[i].Name.Local) ? "_" + i : "") + " = " + i + ",");
        }

        code.Close();
        code.Line();
        code.Line("/// <summary>A decoded <c>" + def.Name + "</c> EXI document: which root element, and its typed value.</summary>");
        code.Open("public sealed class " + documentType);
        code.Open("public " + documentType + "(" + rootEnum + " root, object value)");
        code.Line("Root = root;");
        code.Line("Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        code.Close();
        code.Line();
        code.Line("public " + rootEnum + " Root { get; }");
        code.Line();
        code.Line("/// <summary>The root element's value: the generated message class, or a string/number/byte[] for simple roots.</summary>");
        code.Line("public object Value { get; }");
        code.Line();
        code.Line("/// <summary>The root element's local name.</summary>");
        code.Line("public string ElementName => " + def.CodecName + ".RootName(Root);");
        code.Close();
        code.Line();
        code.Line("/// <summary>EXI codec of the <c>" + def.Name + "</c> schema set (generated from the XSDs).</summary>");
        code.Open("public static partial class " + def.CodecName);
        code.Line("/// <summary>The set name used by the vectors and by <c>cpdiag exi --schema</c>.</summary>");
        code.Line("public const string SchemaName = " + Names.Literal(def.Name) + ";");
        code.Line();
        code.Line("private const int RootBits = " + rootBits + ";");
        code.Line();
        EmitRootName(code, roots, rootEnum);
        EmitDecode(code, def, rootCode, documentType);
        EmitEncode(code, def, rootCode, documentType);
        EmitTyped(code, def, rootCode);
        EmitSample(code, rootCode, rootEnum, documentType);
        EmitXml(code, set, rootCode, documentType);
        code.Line();
        code.Line("/// <summary>This set behind the untyped <see cref=\"" + Rt + "IExiSchemaSet\"/> interface.</summary>");
        code.Line("public static " + Rt + "IExiSchemaSet Schema { get; } = new SchemaSetAdapter();");
        code.Line();
        code.Open("private sealed class SchemaSetAdapter : " + Rt + "IExiSchemaSet");
        code.Line("public string Name => SchemaName;");
        code.Line("public object Decode(ReadOnlySpan<byte> source) => " + def.CodecName + ".Decode(source);");
        code.Line("public int Encode(object document, Span<byte> destination) => " + def.CodecName + ".Encode((" + documentType + ")document, destination);");
        code.Line("public string ToXml(object document) => " + def.CodecName + ".ToXml((" + documentType + ")document);");
        code.Line("public object FromXml(string xml) => " + def.CodecName + ".FromXml(xml);");
        code.Line("public string RootName(object document) => ((" + documentType + ")document).ElementName;");
        code.Line("public int RootCount => RootNames.Length;");
        code.Line("public object CreateSample(int root, global::System.Random random) => " + def.CodecName + ".CreateSample((" + rootEnum + ")root, random);");
        code.Close();
        code.Close();
        outputs.Add((def.CodecNamespace + "." + def.CodecName + ".g.cs", CodeBuilder.Header(def.CodecNamespace) + "using System;\n\n" + code));

        var types = new CodeBuilder();
        types.Open("public static partial class " + def.CodecName);
        foreach (var type in set.ComplexTypes)
        {
            var grammar = new Grammar.TypeGrammar(type);
            new TypeEncoderEmitter(type, grammar).Emit(types);
            types.Line();
            new TypeDecoderEmitter(type, grammar, ids).Emit(types);
            types.Line();
            XmlBridgeEmitter.EmitWriter(types, type);
            types.Line();
            XmlBridgeEmitter.EmitReader(types, type);
            types.Line();
            SampleEmitter.Emit(types, type);
            types.Line();
        }

        rootCode.EmitSimpleRootHelpers(types);
        WildcardSchemaEmitter.Emit(types, set, rootCode, ids);
        types.Close();
        outputs.Add((def.CodecNamespace + "." + def.CodecName + ".Types.g.cs", CodeBuilder.Header(def.CodecNamespace) + types));
        return outputs;
    }

    private static void EmitRootName(CodeBuilder code, List<ElementDecl> roots, string rootEnum)
    {
        code.Line("private static readonly string[] RootNames = { " + string.Join(", ", roots.Select(r => Names.Literal(r.Name.Local))) + " };");
        code.Line();
        code.Line("private static readonly string[] RootNamespaces = { " + string.Join(", ", roots.Select(r => Names.Literal(r.Name.Ns))) + " };");
        code.Line();
        code.Line("/// <summary>The local name of a root element.</summary>");
        code.Line("public static string RootName(" + rootEnum + " root) => RootNames[(int)root];");
        code.Line();
    }

    private static void EmitDecode(CodeBuilder code, SchemaSetDefinition def, RootCode roots, string documentType)
    {
        code.Line("/// <summary>Decodes a complete EXI stream (header 0x80 included).</summary>");
        code.Line("/// <exception cref=\"" + Rt + "ExiException\">The stream is malformed, truncated or violates a facet.</exception>");
        code.Open("public static " + documentType + " Decode(ReadOnlySpan<byte> source)");
        code.Line("var r = new " + Rt + "ExiBitReader(source);");
        code.Line("r.ReadHeader();");
        code.Line("var code = r.ReadBits(RootBits);");
        code.Open("switch (code)");
        for (var i = 0; i < roots.Roots.Count; i++)
        {
            code.Line("case " + i + ": { var value = " + roots.Decode(i) + "; " + ReadEndFragment(def, roots.Roots) + "r.ReadEnd(); return new " + documentType + "(" + roots.Member(i) + ", value); }");
        }

        code.Line("default: throw " + Rt + "ExiBitReader.UnknownEventCode(code);");
        code.Close();
        code.Close();
        code.Line();
    }

    private static void EmitEncode(CodeBuilder code, SchemaSetDefinition def, RootCode roots, string documentType)
    {
        code.Line("/// <summary>Encodes a document into <paramref name=\"destination\"/>; returns the number of bytes written.</summary>");
        code.Line("/// <exception cref=\"" + Rt + "ExiException\">The message violates the schema or the destination is too small.</exception>");
        code.Open("public static int Encode(" + documentType + " document, Span<byte> destination)");
        code.Line("global::System.ArgumentNullException.ThrowIfNull(document);");
        code.Line("var w = new " + Rt + "ExiBitWriter(destination);");
        code.Line("w.WriteBits(8, " + Rt + "ExiLimits.Header);");
        code.Line("w.WriteBits(RootBits, (uint)document.Root);");
        code.Open("switch (document.Root)");
        for (var i = 0; i < roots.Roots.Count; i++)
        {
            code.Line("case " + roots.Member(i) + ": " + roots.Encode(i, "document.Value") + " break;");
        }

        code.Line("default: throw " + Rt + "ExiFacets.Unsupported(\"root \" + document.Root);");
        code.Close();
        EndFragment(code, def, roots.Roots);
        code.Line("return w.Finish();");
        code.Close();
        code.Line();
        code.Line("/// <summary>Encodes a document into a buffer writer (at most ExiLimits.MaxMessageBytes).</summary>");
        code.Open("public static void Encode(" + documentType + " document, global::System.Buffers.IBufferWriter<byte> destination)");
        code.Line("global::System.ArgumentNullException.ThrowIfNull(destination);");
        code.Line("var span = destination.GetSpan(" + Rt + "ExiLimits.MaxMessageBytes);");
        code.Line("destination.Advance(Encode(document, span));");
        code.Close();
        code.Line();
    }

    /// <summary>A fragment ends with ED, coded after all SE(qname) and SE(*) productions (EXI 1.0 §8.4.3).</summary>
    private static void EndFragment(CodeBuilder code, SchemaSetDefinition def, List<ElementDecl> roots)
    {
        if (def.IsFragment)
        {
            code.Line("w.WriteBits(RootBits, " + (roots.Count + 1) + ");");
        }
    }

    private static string ReadEndFragment(SchemaSetDefinition def, List<ElementDecl> roots) =>
        def.IsFragment ? "if (r.ReadBits(RootBits) != " + (roots.Count + 1) + ") throw new " + Rt + "ExiException(\"EXI fragment does not end after one element.\"); " : "";

    private static void EmitTyped(CodeBuilder code, SchemaSetDefinition def, RootCode rootCode)
    {
        var roots = rootCode.Roots;
        var complexRoots = roots.Select((r, i) => (Root: r, Index: i)).Where(t => t.Root.Complex is not null && !rootCode.IsRelaxed(t.Index)).ToList();
        foreach (var (root, index) in complexRoots)
        {
            var type = root.Complex!;
            var unique = complexRoots.Count(t => t.Root.Complex == type) == 1;
            var name = Names.Identifier(root.Name.Local) + (roots.Take(index).Any(r => r.Name.Local == root.Name.Local) ? "_" + index : "");
            if (unique)
            {
                code.Line("/// <summary>Encodes <c>" + root.Name.Local + "</c> as a whole EXI document into a caller buffer; returns the byte count. Allocation-free.</summary>");
                code.Open("public static int Encode(" + type.FullName + " message, Span<byte> destination)");
                code.Line("global::System.ArgumentNullException.ThrowIfNull(message);");
                code.Line("var w = new " + Rt + "ExiBitWriter(destination);");
                code.Line("w.WriteBits(8, " + Rt + "ExiLimits.Header);");
                code.Line("w.WriteBits(RootBits, " + index + ");");
                code.Line("E_" + type.MethodSuffix + "(ref w, message);");
                EndFragment(code, def, roots);
                code.Line("return w.Finish();");
                code.Close();
                code.Line();
                code.Open("public static void Encode(" + type.FullName + " message, global::System.Buffers.IBufferWriter<byte> destination)");
                code.Line("global::System.ArgumentNullException.ThrowIfNull(destination);");
                code.Line("destination.Advance(Encode(message, destination.GetSpan(" + Rt + "ExiLimits.MaxMessageBytes)));");
                code.Close();
                code.Line();
            }

            code.Line("/// <summary>Decodes a stream whose root must be <c>" + root.Name.Local + "</c>.</summary>");
            code.Open("public static " + type.FullName + " Decode" + name + "(ReadOnlySpan<byte> source)");
            code.Line("var r = new " + Rt + "ExiBitReader(source);");
            code.Line("r.ReadHeader();");
            code.Line("var code = r.ReadBits(RootBits);");
            code.Line("if (code != " + index + ") throw new " + Rt + "ExiException(\"EXI root event code \" + code + \" is not " + root.Name.Local + " (" + index + ").\");");
            code.Line("var message = " + rootCode.Decode(index) + ";");
            code.Line(ReadEndFragment(def, roots) + "r.ReadEnd();");
            code.Line("return message;");
            code.Close();
            code.Line();
        }
    }

    private static void EmitXml(CodeBuilder code, SetResolver set, RootCode roots, string documentType)
    {
        code.Line("/// <summary>Renders a document as indented XML with the set's namespace prefixes.</summary>");
        code.Open("public static string ToXml(" + documentType + " document)");
        code.Line("global::System.ArgumentNullException.ThrowIfNull(document);");
        code.Line("var text = new global::System.Text.StringBuilder();");
        code.Line("var settings = new global::System.Xml.XmlWriterSettings { Indent = true, OmitXmlDeclaration = true };");
        code.Open("using (var x = global::System.Xml.XmlWriter.Create(text, settings))");
        code.Line("var index = (int)document.Root;");
        code.Line("x.WriteStartElement(PrefixOf(RootNamespaces[index]), RootNames[index], RootNamespaces[index]);");
        foreach (var ns in set.Namespaces.Where(n => n.Length > 0))
        {
            code.Line("x.WriteAttributeString(\"xmlns\", " + Names.Literal(Prefix(ns)) + ", null, " + Names.Literal(ns) + ");");
        }

        code.Line("WriteRootValue(x, index, document.Value);");
        code.Line("x.WriteEndElement();");
        code.Close();
        code.Line("return text.ToString();");
        code.Close();
        code.Line();
        code.Open("private static string PrefixOf(string ns) => ns switch");
        foreach (var ns in set.Namespaces.Where(n => n.Length > 0))
        {
            code.Line(Names.Literal(ns) + " => " + Names.Literal(Prefix(ns)) + ",");
        }

        code.Line("_ => \"\",");
        code.Close(";");
        code.Line();
        code.Line("/// <summary>Parses an XML instance of this set into a document (facets are checked when encoding).</summary>");
        code.Line("/// <exception cref=\"" + Rt + "ExiException\">The XML is malformed or does not match the schema.</exception>");
        code.Open("public static " + documentType + " FromXml(string xml)");
        code.Line("var e = " + Rt + "ExiXmlText.LoadRoot(xml);");
        code.Line("var index = global::System.Array.IndexOf(RootNames, e.Name.LocalName);");
        code.Line("while (index >= 0 && RootNamespaces[index] != e.Name.NamespaceName) index = global::System.Array.IndexOf(RootNames, e.Name.LocalName, index + 1);");
        code.Line("if (index < 0) throw new " + Rt + "ExiException(\"<\" + e.Name + \"> is not a root element of " + set.Set.Name + ".\");");
        code.Line("return new " + documentType + "((" + roots.RootEnum + ")index, ReadRootValue(e, index));");
        code.Close();
    }

    private static void EmitSample(CodeBuilder code, RootCode roots, string rootEnum, string documentType)
    {
        code.Line("/// <summary>A random schema-valid document with the given root (property tests, simulators, fuzzing).</summary>");
        code.Open("public static " + documentType + " CreateSample(" + rootEnum + " root, global::System.Random random)");
        code.Line("if ((uint)root >= (uint)RootNames.Length) throw new global::System.ArgumentOutOfRangeException(nameof(root));");
        code.Line("return new " + documentType + "(root, SampleRootValue((int)root, new " + Rt + "ExiSampler(random)));");
        code.Close();
        code.Line();
    }

    private static string Prefix(string ns) => SchemaSetCatalog.XmlPrefixes.TryGetValue(ns, out var p) ? p : "ns";
}
