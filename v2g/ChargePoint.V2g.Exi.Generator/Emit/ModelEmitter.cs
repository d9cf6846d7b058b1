using System;
using System.Collections.Generic;
using System.Linq;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>Emits the typed message model: one partial class per complex type, one enum per enumeration.</summary>
internal sealed class ModelEmitter
{
    private readonly Dictionary<string, string> _emittedTypes = new Dictionary<string, string>();
    private readonly HashSet<string> _emittedEnums = new HashSet<string>();

    public List<(string HintName, string Source)> Outputs { get; } = new List<(string, string)>();

    private const string Rt = "global::ChargePoint.V2g.Exi.";

    public static string PropertyType(LeafParticle leaf)
    {
        var decl = leaf.Element;
        var item = decl is null ? Rt + "ExiNode" : decl.Complex is not null ? decl.Complex.FullName : decl.Simple!.CsType;
        if (leaf.IsList)
        {
            return "global::System.Collections.Generic.List<" + item + ">";
        }

        return leaf.IsOptional ? item + "?" : item;
    }

    public static bool IsValueType(LeafParticle leaf) => leaf.Element is { Complex: null } decl && decl.Simple!.IsValueType;

    public void Emit(SetResolver set)
    {
        foreach (var type in set.ComplexTypes)
        {
            var code = new CodeBuilder();
            var signature = EmitClass(code, type);
            if (_emittedTypes.TryGetValue(type.FullName, out var existing))
            {
                if (existing != signature)
                {
                    throw new InvalidOperationException("Type " + type.FullName + " differs between schema sets; cannot share one model class.");
                }

                continue;
            }

            _emittedTypes[type.FullName] = signature;
            Outputs.Add((type.CsNamespace + "." + type.CsName + ".g.cs", CodeBuilder.Header(type.CsNamespace) + code));
            foreach (var item in type.ItemGroups)
            {
                var itemCode = new CodeBuilder();
                EmitItemClass(itemCode, type, item);
                Outputs.Add((type.CsNamespace + "." + item.CsName + ".g.cs", CodeBuilder.Header(type.CsNamespace) + itemCode));
            }
        }

        foreach (var pair in set.Enums)
        {
            if (_emittedEnums.Add(pair.Key))
            {
                EmitEnum(pair.Key, pair.Value);
            }
        }
    }

    private static string EmitClass(CodeBuilder code, ComplexInfo type)
    {
        code.Line("/// <summary>XSD complex type <c>" + type.Key.Local.TrimStart('#') + "</c> of <c>" + type.Key.Ns + "</c>.</summary>");
        code.Open("public partial class " + type.CsName + (type.Base is not null ? " : " + type.Base.FullName : ""));
        foreach (var attribute in type.OwnAttributes)
        {
            var t = attribute.Type;
            var init = !attribute.Required || t.IsValueType ? "" : " = null!;";
            var nullable = attribute.Required ? "" : "?";
            code.Line("/// <summary>Attribute <c>" + attribute.Name.Local + "</c>" + (attribute.Required ? " (required)" : " (optional)") + ".</summary>");
            code.Line("public " + t.CsType + nullable + " " + attribute.PropertyName + " { get; set; }" + init);
        }

        if (type.SimpleContent is not null && (type.Base is null || type.Base.SimpleContent is null))
        {
            var t = type.SimpleContent;
            code.Line("/// <summary>The element's simple content.</summary>");
            code.Line("public " + t.CsType + " " + type.SimpleContentProperty + " { get; set; }" + (t.IsValueType ? "" : " = null!;"));
        }

        if (type.Mixed && (type.Base is null || !type.Base.Mixed))
        {
            code.Line("/// <summary>Character content (mixed type), each segment after the given number of child elements.</summary>");
            code.Line("public global::System.Collections.Generic.List<" + Rt + "ExiTextSegment> " + type.TextProperty + " { get; set; } = new();");
        }

        foreach (var leaf in type.Leaves.Skip(type.InheritedLeafCount))
        {
            if (leaf.Item is null)
            {
                EmitLeafProperty(code, leaf);
            }
            else if (leaf == leaf.Item.Leaves[0])
            {
                code.Line("/// <summary>Occurrences of a repeated " + (leaf.Item.Group.IsChoice ? "choice" : "sequence") + ", in document order.</summary>");
                code.Line("public global::System.Collections.Generic.List<global::" + type.CsNamespace + "." + leaf.Item.CsName + "> " + leaf.Item.PropertyName + " { get; set; } = new();");
            }
        }

        code.Close();
        return string.Join("|", type.OwnAttributes.Select(a => a.PropertyName + ":" + a.Type.CsType))
            + "#" + string.Join("|", type.Leaves.Select(l => (l.Item?.CsName ?? "") + l.PropertyName + ":" + PropertyType(l)))
            + (type.Mixed ? "#mixed" : "");
    }

    private static void EmitLeafProperty(CodeBuilder code, LeafParticle leaf)
    {
        var propertyType = PropertyType(leaf);
        string init;
        if (leaf.IsList)
        {
            init = " = new();";
        }
        else if (leaf.IsOptional || IsValueType(leaf))
        {
            init = "";
        }
        else
        {
            init = " = null!;";
        }

        var occurs = leaf.IsList
            ? "list, " + leaf.Min + ".." + (leaf.Max == -1 ? "unbounded" : leaf.Max.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : leaf.IsOptional ? "optional or choice" : "required";
        var what = leaf.Element is null
            ? "Wildcard content (xs:any, " + (leaf.WildcardOtherThan is null ? "##any" : "##other") + "): an element the schema does not type, or a typed global element"
            : "Element <c>" + leaf.Element.Name.Local + "</c>";
        code.Line("/// <summary>" + what + " (" + occurs + ").</summary>");
        code.Line("public " + propertyType + " " + leaf.PropertyName + " { get; set; }" + init);
    }

    private static void EmitItemClass(CodeBuilder code, ComplexInfo type, ItemGroup item)
    {
        code.Line("/// <summary>One occurrence of the repeated " + (item.Group.IsChoice ? "choice (exactly one property set)" : "sequence") + " of <see cref=\"" + type.CsName + "\"/>.</summary>");
        code.Open("public sealed class " + item.CsName);
        foreach (var leaf in item.Leaves)
        {
            EmitLeafProperty(code, leaf);
        }

        code.Close();
    }

    private void EmitEnum(string fullName, SimpleInfo info)
    {
        var lastDot = fullName.LastIndexOf('.');
        var ns = fullName.Substring("global::".Length, lastDot - "global::".Length);
        var name = fullName.Substring(lastDot + 1);
        var code = new CodeBuilder();
        code.Line("/// <summary>XSD enumeration <c>" + name + "</c>; EXI encodes the declaration index.</summary>");
        code.Open("public enum " + name);
        foreach (var value in info.EnumValues)
        {
            code.Line(Names.Identifier(value) + ",");
        }

        code.Close();
        code.Line();
        code.Line("/// <summary>Lexical (XML) forms of <see cref=\"" + name + "\"/>.</summary>");
        code.Open("public static class " + name + "Lexical");
        code.Line("private static readonly string[] Values = { " + string.Join(", ", info.EnumValues.Select(Names.Literal)) + " };");
        code.Line();
        code.Line("public static string ToXml(" + name + " value) => (uint)value < (uint)Values.Length ? Values[(int)value] : throw new global::ChargePoint.V2g.Exi.ExiException(\"Undefined " + name + " value \" + (int)value + \".\");");
        code.Line();
        code.Open("public static " + name + " Parse(string text)");
        code.Line("var index = global::System.Array.IndexOf(Values, text.Trim());");
        code.Line("return index >= 0 ? (" + name + ")index : throw new global::ChargePoint.V2g.Exi.ExiException(\"'\" + text + \"' is not a value of " + name + ".\");");
        code.Close();
        code.Close();
        Outputs.Add((ns + "." + name + ".g.cs", CodeBuilder.Header(ns) + code));
    }
}
