using System.Linq;
using ChargePoint.V2g.Exi.Generator.Grammar;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>
/// Emits the XML bridge of one complex type: model to XML in document order (items of repeated groups in list
/// order, the text of mixed content at its positions), and XML to model through the type's grammar.
/// </summary>
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
        else
        {
            if (type.Mixed)
            {
                code.Line("var t = 0;");
                code.Line("var children = 0;");
            }

            EmitParticleWrite(code, type, type.Content!, "v");
            if (type.Mixed)
            {
                code.Line(Rt + "ExiXmlText.WriteText(x, v." + type.TextProperty + ", ref t, int.MaxValue);");
            }
        }

        code.Close();
    }

    private static void EmitParticleWrite(CodeBuilder code, ComplexInfo type, Particle particle, string owner)
    {
        if (particle is LeafParticle leaf)
        {
            EmitLeafWrite(code, type, leaf, owner);
            return;
        }

        var group = (GroupParticle)particle;
        if (group.Item is { } item && owner == "v")
        {
            code.Open("foreach (var item in v." + item.PropertyName + ")");
            foreach (var child in group.Children)
            {
                EmitParticleWrite(code, type, child, "item");
            }

            code.Close();
            return;
        }

        foreach (var child in group.Children)
        {
            EmitParticleWrite(code, type, child, owner);
        }
    }

    private static void EmitLeafWrite(CodeBuilder code, ComplexInfo type, LeafParticle leaf, string owner)
    {
        var access = owner + "." + leaf.PropertyName;
        if (leaf.IsList)
        {
            code.Open("foreach (var element in " + access + ")");
            EmitElement(code, type, leaf, "element");
            code.Close();
        }
        else if (leaf.IsOptional)
        {
            code.Open("if (" + access + " is { } x" + leaf.Index + ")");
            EmitElement(code, type, leaf, "x" + leaf.Index);
            code.Close();
        }
        else
        {
            code.Open("");
            EmitElement(code, type, leaf, access);
            code.Close();
        }
    }

    private static void EmitElement(CodeBuilder code, ComplexInfo type, LeafParticle leaf, string expr)
    {
        if (type.Mixed)
        {
            code.Line(Rt + "ExiXmlText.BeforeChild(x, v." + type.TextProperty + ", ref t, children++);");
        }

        if (leaf.IsWildcard)
        {
            code.Line(Rt + "ExiNodeXml.Write(x, WildcardSchema, " + expr + ");");
            return;
        }

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

        if (type.Mixed)
        {
            code.Line("var children = 0;");
            code.Open("foreach (var node in e.Nodes())");
            code.Line("if (node is global::System.Xml.Linq.XText text) { " + Rt + "ExiXmlText.AddText(v." + type.TextProperty + ", children, text.Value); continue; }");
            code.Line("if (node is not global::System.Xml.Linq.XElement c) continue;");
            code.Line("children++;");
        }
        else
        {
            code.Open("foreach (var c in e.Elements())");
        }

        code.Line("var n = c.Name;");
        var anyElement = grammar.States.Any(st => st.Productions.Any(p => p.Kind == ProductionKind.StartElement));
        if (anyElement)
        {
            code.Open("switch (s)");
        }

        foreach (var state in grammar.States)
        {
            var elements = state.Productions.Where(p => p.Kind == ProductionKind.StartElement).ToList();
            if (elements.Count == 0)
            {
                continue;
            }

            code.Open("case " + state.Id + ":");
            foreach (var production in elements)
            {
                EmitMatch(code, type, grammar, state, type.Leaves[production.Target]);
            }

            code.Line("break;");
            code.Close();
        }

        if (anyElement)
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

    /// <summary>A named child matches its qname; a wildcard (listed after them, EXI 1.0 §8.5.4.3) any admitted one.</summary>
    private static void EmitMatch(CodeBuilder code, ComplexInfo type, TypeGrammar grammar, GrammarState state, LeafParticle leaf)
    {
        string condition;
        string value;
        if (leaf.IsWildcard)
        {
            condition = Rt + "ExiNamespaceConstraint.Admits(n.NamespaceName, " + ParticleQueries.OtherThanLiteral(leaf) + ")";
            value = Rt + "ExiNodeXml.Read(c, WildcardSchema, false)";
        }
        else
        {
            var decl = leaf.Element!;
            condition = "n.LocalName == " + Names.Literal(decl.Name.Local) + " && n.NamespaceName == " + Names.Literal(decl.Name.Ns);
            value = decl.Complex is not null ? "R_" + decl.Complex.MethodSuffix + "(c)" : ValueCode.Parse(decl.Simple!, "c.Value");
        }

        var owner = "v";
        var item = "";
        if (leaf.Item is { } group)
        {
            owner = "item";
            item = ParticleQueries.ContinuesItem(type, grammar, state, leaf)
                ? "var item = v." + group.PropertyName + "[v." + group.PropertyName + ".Count - 1]; "
                : "var item = new global::" + type.CsNamespace + "." + group.CsName + "(); v." + group.PropertyName + ".Add(item); ";
        }

        var states = grammar.Leaves[leaf.Index];
        var assign = leaf.IsList
            ? owner + "." + leaf.PropertyName + ".Add(" + value + "); s = " + ParticleQueries.AfterListExpression(leaf, states, owner + "." + leaf.PropertyName + ".Count") + ";"
            : owner + "." + leaf.PropertyName + " = " + value + "; s = " + states.Single!.Id + ";";
        code.Line("if (" + condition + ") { " + item + assign + " continue; }");
    }

    /// <summary>Bit mask literal of the states in which EE may follow (content complete).</summary>
    private static string CompleteStates(TypeGrammar grammar)
    {
        var states = grammar.States.Where(st => st.Productions.Any(p => p.Kind == ProductionKind.EndElement)).Select(st => st.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(", ", states);
    }
}
