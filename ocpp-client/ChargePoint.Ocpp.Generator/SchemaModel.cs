using System;
using System.Collections.Generic;
using System.Linq;

namespace ChargePoint.Ocpp.Generator;

internal enum ShapeKind
{
    String,
    DateTime,
    Integer,
    Number,
    Boolean,
    Any,
    Ref,
    Array,
}

/// <summary>The JSON-schema facts of one property (or array item) that the generated code needs.</summary>
internal sealed class Shape
{
    public ShapeKind Kind { get; set; }

    public string? RefName { get; set; }

    public int? MaxLength { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public Shape? Item { get; set; }

    public static Shape From(JsonObject node, string where)
    {
        var shape = new Shape
        {
            MaxLength = (int?)node.GetNumber("maxLength"),
            Minimum = node.GetNumber("minimum"),
            Maximum = node.GetNumber("maximum"),
            MinItems = (int?)node.GetNumber("minItems"),
            MaxItems = (int?)node.GetNumber("maxItems"),
        };
        var reference = node.GetString("$ref");
        if (reference != null)
        {
            const string Prefix = "#/definitions/";
            if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
            {
                throw new FormatException(where + ": unsupported $ref " + reference);
            }

            shape.Kind = ShapeKind.Ref;
            shape.RefName = reference.Substring(Prefix.Length);
            return shape;
        }

        switch (node.GetString("type"))
        {
            case null:
                shape.Kind = ShapeKind.Any;
                break;
            case "string":
                shape.Kind = node.GetString("format") == "date-time" ? ShapeKind.DateTime : ShapeKind.String;
                break;
            case "integer":
                shape.Kind = ShapeKind.Integer;
                break;
            case "number":
                shape.Kind = ShapeKind.Number;
                break;
            case "boolean":
                shape.Kind = ShapeKind.Boolean;
                break;
            case "array":
                shape.Kind = ShapeKind.Array;
                shape.Item = From(node.GetObject("items") ?? throw new FormatException(where + ": array without items"), where + "[]");
                break;
            default:
                throw new FormatException(where + ": unsupported type " + node.GetString("type"));
        }

        return shape;
    }
}

internal sealed class PropertyDef
{
    public PropertyDef(string jsonName, string? description, bool required, Shape shape)
    {
        JsonName = jsonName;
        Description = description;
        Required = required;
        Shape = shape;
    }

    public string JsonName { get; }

    public string? Description { get; }

    public bool Required { get; }

    public Shape Shape { get; }

    public string CsName { get; set; } = string.Empty;
}

/// <summary>A schema definition (or a message root): either an enumeration of strings or an object.</summary>
internal sealed class TypeDef
{
    public TypeDef(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }

    public string? Description { get; }

    public List<string>? EnumValues { get; set; }

    public bool IsEnum => EnumValues != null;

    public List<PropertyDef> Properties { get; } = new List<PropertyDef>();

    public bool AdditionalPropertiesAllowed { get; set; }

    /// <summary>For message roots: the OCPP action and the role of the payload.</summary>
    public string? Action { get; set; }

    public string? Role { get; set; }

    public static TypeDef From(string name, JsonObject node)
    {
        var def = new TypeDef(name, node.GetString("description"));
        if (node.Get("enum") is List<object?> values)
        {
            def.EnumValues = values.Cast<string>().ToList();
            return def;
        }

        if (node.GetString("type") != "object")
        {
            throw new FormatException(name + ": definitions must be enums or objects");
        }

        // Only additionalProperties:false closes an object (CustomDataType is deliberately open).
        def.AdditionalPropertiesAllowed = !(node.Get("additionalProperties") is bool b && !b);
        var required = new HashSet<string>(
            (node.Get("required") as List<object?> ?? new List<object?>()).Cast<string>(), StringComparer.Ordinal);
        foreach (var p in (node.GetObject("properties") ?? new JsonObject()).Items)
        {
            var pn = (JsonObject)p.Value!;
            def.Properties.Add(new PropertyDef(p.Key, pn.GetString("description"), required.Contains(p.Key), Shape.From(pn, name + "." + p.Key)));
        }

        return def;
    }
}

/// <summary>All types from all schema files; definitions shared between files are merged by name.</summary>
internal sealed class SchemaSet
{
    public SortedDictionary<string, TypeDef> Types { get; } = new SortedDictionary<string, TypeDef>(StringComparer.Ordinal);

    public List<TypeDef> Messages { get; } = new List<TypeDef>();

    public void AddFile(string fileStem, string text)
    {
        var root = SchemaJson.Parse(text) as JsonObject ?? throw new FormatException(fileStem + ": not a JSON object");
        foreach (var d in (root.GetObject("definitions") ?? new JsonObject()).Items)
        {
            if (!Types.ContainsKey(d.Key))
            {
                Types.Add(d.Key, TypeDef.From(d.Key, (JsonObject)d.Value!));
            }
        }

        var message = TypeDef.From(fileStem, root);
        if (fileStem.EndsWith("Request", StringComparison.Ordinal))
        {
            message.Action = fileStem.Substring(0, fileStem.Length - "Request".Length);
            message.Role = "Request";
        }
        else if (fileStem.EndsWith("Response", StringComparison.Ordinal))
        {
            message.Action = fileStem.Substring(0, fileStem.Length - "Response".Length);
            message.Role = "Response";
        }
        else
        {
            // A message without a Request/Response pair is sent with the 2.1 SEND frame (no answer).
            message.Action = fileStem;
            message.Role = "Send";
        }

        Types[fileStem] = message;
        Messages.Add(message);
    }
}
