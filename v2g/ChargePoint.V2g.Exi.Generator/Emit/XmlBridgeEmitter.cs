using System.Linq;
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

        code.Open("foreach (var c in e.Elements())");
        code.Line("var n = c.Name;");
        foreach (var leaf in type.Leaves.Where(l => !l.IsWildcard))
        {
            var decl = leaf.Element!;
            var value = decl.Complex is not null ? "R_" + decl.Complex.MethodSuffix + "(c)" : ValueCode.Parse(decl.Simple!, "c.Value");
            var assign = leaf.IsList ? "v." + leaf.PropertyName + ".Add(" + value + ");" : "v." + leaf.PropertyName + " = " + value + ";";
            code.Line("if (n.LocalName == " + Names.Literal(decl.Name.Local) + " && n.NamespaceName == " + Names.Literal(decl.Name.Ns) + ") { " + assign + " continue; }");
        }

        code.Line("throw " + Rt + "ExiXmlText.Unexpected(n, e.Name);");
        code.Close();
        code.Line("return v;");
        code.Close();
    }
}
