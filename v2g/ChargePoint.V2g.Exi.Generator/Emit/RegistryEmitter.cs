using System.Collections.Generic;
using ChargePoint.V2g.Exi.Generator.Schema;

namespace ChargePoint.V2g.Exi.Generator.Emit;

/// <summary>Emits <c>ExiSchemaSets</c>: every generated set by name.</summary>
internal static class RegistryEmitter
{
    public static string Emit(List<SchemaSetDefinition> sets)
    {
        var code = new CodeBuilder();
        code.Line("/// <summary>Every generated EXI schema set, by the names the vectors and the CLI use.</summary>");
        code.Open("public static class ExiSchemaSets");
        code.Line("/// <summary>All sets in a fixed order.</summary>");
        code.Open("public static global::System.Collections.Generic.IReadOnlyList<IExiSchemaSet> All { get; } = new IExiSchemaSet[]");
        foreach (var set in sets)
        {
            code.Line("global::" + set.CodecNamespace + "." + set.CodecName + ".Schema,");
        }

        code.Close(";");
        code.Line();
        code.Line("/// <summary>The set called <paramref name=\"name\"/>, or null.</summary>");
        code.Open("public static IExiSchemaSet? Find(string name)");
        code.Open("foreach (var set in All)");
        code.Line("if (set.Name == name) return set;");
        code.Close();
        code.Line("return null;");
        code.Close();
        code.Close();
        return CodeBuilder.Header("ChargePoint.V2g.Exi") + code;
    }
}
