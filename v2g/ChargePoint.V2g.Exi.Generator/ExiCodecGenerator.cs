using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using ChargePoint.V2g.Exi.Generator.Emit;
using ChargePoint.V2g.Exi.Generator.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ChargePoint.V2g.Exi.Generator;

/// <summary>
/// Generates the V2G message model and its schema-informed EXI codec from the vendored XSDs
/// (AdditionalFiles). A new schema revision means regenerating, not rewriting.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ExiCodecGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor GenerationFailed = new DiagnosticDescriptor(
        "EXIGEN001", "EXI codec generation failed", "EXI codec generation failed: {0}", "ExiGenerator", DiagnosticSeverity.Error, true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(f => f.Path.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase))
            .Select((f, ct) => new XsdFile(XsdFile.ToRelative(f.Path), f.GetText(ct)?.ToString() ?? ""))
            .Collect();
        context.RegisterSourceOutput(files, Generate);
    }

    private static void Generate(SourceProductionContext context, ImmutableArray<XsdFile> files)
    {
        if (files.IsDefaultOrEmpty)
        {
            return;
        }

        List<(string HintName, string Source)> outputs;
        try
        {
            outputs = GenerateAll(files);
        }
        catch (Exception ex) when (ex is InvalidOperationException || ex is System.Xml.XmlException || ex is FormatException || ex is KeyNotFoundException)
        {
            context.ReportDiagnostic(Diagnostic.Create(GenerationFailed, Location.None, ex.Message));
            return;
        }

        foreach (var (hint, source) in outputs)
        {
            context.AddSource(hint, SourceText.From(source, Encoding.UTF8));
        }
    }

    internal static List<(string HintName, string Source)> GenerateAll(IEnumerable<XsdFile> files)
    {
        var documents = files.ToDictionary(f => f.RelativePath, XsdDocument.Parse);
        var models = new ModelEmitter();
        var outputs = new List<(string, string)>();
        var generated = new List<SchemaSetDefinition>();
        foreach (var def in SchemaSetCatalog.Sets.Where(s => documents.ContainsKey(s.MainFile)))
        {
            var resolver = new SetResolver(def, documents);
            var roots = resolver.ResolveAll();
            models.Emit(resolver);
            outputs.AddRange(SetCodecEmitter.Emit(resolver, roots));
            generated.Add(def);
        }

        outputs.AddRange(models.Outputs);
        outputs.Add(("ChargePoint.V2g.Exi.ExiSchemaSets.g.cs", RegistryEmitter.Emit(generated)));
        return outputs;
    }
}
