using System.Linq;
using ChargePoint.V2g.Exi.Generator.Grammar;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>Emits the XML bridge of one complex type: model to XML in XSD order, and XML to model.</summary>
internal static class XmlBridgeEmitter
{
    private const string Rt = "global::ChargePoint.V2g.Exi.";

    public static void EmitWriter(CodeBuilder code, ComplexInfo type)
    {
        code.Open("internal static void W_" + type.MethodSuffix + "(global::System.Xml.XmlWriter x, " + type.FullName + " v)");
        foreach (var attribute in type.Attributes)
        {
            var access = "v." + attribute.PropertyName;
            var value = attribute.Type.IsValueType && !attribute.Required ? access + ".Value" : access;
            code.Line((attribute.Required && attribute.Type.IsValueType ? "" : "if (" + access + " is not null) ")
                + "x.WriteAttributeString(" + Names.Literal(attribute.Name.Local) + ", " + Names.Literal(attribute.Name.Ns) + ", " + ValueCode.ToText(attribute.Type, value) + ");");
        }

        if (type.SimpleContent is not null)
        {
            code.Line("x.WriteString(" + ValueCode.ToText(type.SimpleContent, "v." + type.SimpleContentProperty) + ");");
        }

        foreach (var leaf in type.Leaves.Where(l => !l.IsWildcard))
        {
            var access = "v." + leaf.PropertyName;
            if (leaf.IsList)
            {
                code.Open("foreach (var item in " + access + ")");
                EmitElement(code, leaf, "item");
                code.Close();
            }
            else if (leaf.IsOptional)
            {
                code.Open("if (" + access + " is { } x" + leaf.Index + ")");
                EmitElement(code, leaf, "x" + leaf.Index);
                code.Close();
            }
            else
            {
                code.Open("");
                EmitElement(code, leaf, access);
                code.Close();
            }
        }

        code.Close();
    }

    private static void EmitElement(CodeBuilder code, LeafParticle leaf, string expr)
    {
        var decl = leaf.Element!;
        code.Line("x.WriteStartElement(" + Names.Literal(decl.Name.Local) + ", " + Names.Literal(decl.Name.Ns) + ");");
        code.Line(decl.Complex is not null
            ? "W_" + decl.Complex.MethodSuffix + "(x, " + expr + ");"
            : "x.WriteString(" + ValueCode.ToText(decl.Simple!, expr) + ");");
        code.Line("x.WriteEndElement();");
    }

    public static void EmitReader(CodeBuilder code, ComplexInfo type)
    {
        code.Open("internal static " + type.FullName + " R_" + type.MethodSuffix + "(global::System.Xml.Linq.XElement e)");
        code.Line("var v = new " + type.FullName + "();");
        code.Open("foreach (var a in e.Attributes())");
        code.Line("if (a.IsNamespaceDeclaration || a.Name.NamespaceName == \"http://www.w3.org/2001/XMLSchema-instance\") continue;");
        foreach (var attribute in type.Attributes)
        {
            code.Line("if (a.Name.LocalName == " + Names.Literal(attribute.Name.Local) + " && a.Name.NamespaceName == " + Names.Literal(attribute.Name.Ns) + ") { v."
                + attribute.PropertyName + " = " + ValueCode.Parse(attribute.Type, "a.Value") + "; continue; }");
        }

        code.Line("throw " + Rt + "ExiXmlText.Unexpected(a.Name, e.Name);");
        code.Close();
        if (type.SimpleContent is not null)
        {
            code.Line("v." + type.SimpleContentProperty + " = " + ValueCode.Parse(type.SimpleContent, "e.Value") + ";");
        }

        // Children are matched through the type's EXI grammar, so order is validated and an element name
        // that occurs in two places (xmldsig PGPData) lands in the right property.
        var grammar = new TypeGrammar(type);
        if (type.SimpleContent is null)
        {
            code.Line("int s = " + grammar.ContentStart.Id + ";");
        }
        code.Open("foreach (var c in e.Elements())");
        code.Line("var n = c.Name;");
        var anyNamed = grammar.States.Any(st => st.Productions.Any(p => p.Kind == ProductionKind.StartElement && !type.Leaves[p.Target].IsWildcard));
        if (anyNamed)
        {
            code.Open("switch (s)");
        }

        foreach (var state in grammar.States)
        {
            var leaves = state.Productions.Where(p => p.Kind == ProductionKind.StartElement && !type.Leaves[p.Target].IsWildcard).ToList();
            if (leaves.Count == 0)
            {
                continue;
            }

            code.Open("case " + state.Id + ":");
            foreach (var production in leaves)
            {
                var leaf = type.Leaves[production.Target];
                var decl = leaf.Element!;
                var value = decl.Complex is not null ? "R_" + decl.Complex.MethodSuffix + "(c)" : ValueCode.Parse(decl.Simple!, "c.Value");
                var states = grammar.Leaves[leaf.Index];
                string assign;
                if (leaf.IsList)
                {
                    assign = "v." + leaf.PropertyName + ".Add(" + value + "); s = " + TypeCodecEmitter.AfterListExpression(leaf, states, "v." + leaf.PropertyName + ".Count") + ";";
                }
                else
                {
                    assign = "v." + leaf.PropertyName + " = " + value + "; s = " + states.Single!.Id + ";";
                }

                code.Line("if (n.LocalName == " + Names.Literal(decl.Name.Local) + " && n.NamespaceName == " + Names.Literal(decl.Name.Ns) + ") { " + assign + " continue; }");
            }

            code.Line("break;");
            code.Close();
        }

        if (anyNamed)
        {
            code.Close();
        }

        code.Line("throw " + Rt + "ExiXmlText.Unexpected(n, e.Name);");
        code.Close();
        if (type.SimpleContent is null)
        {
            code.Line("if (!" + Rt + "ExiXmlText.Complete(s, " + CompleteStates(grammar) + ")) throw " + Rt + "ExiXmlText.Incomplete(e.Name);");
        }
        code.Line("return v;");
        code.Close();
    }

    /// <summary>Bit mask literal of the states in which EE may follow (content complete).</summary>
    private static string CompleteStates(TypeGrammar grammar)
    {
        var states = grammar.States.Where(st => st.Productions.Any(p => p.Kind == ProductionKind.EndElement)).Select(st => st.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(", ", states);
    }
}
