using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ChargePoint.Ocpp.Generator;

/// <summary>
/// Generates the OCPP 2.1 message model, JSON reader/writer and validation from the vendored OCA schemas
/// (AdditionalFiles ending in .json). Nothing the schemas define is typed by hand.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OcppSchemaGenerator : IIncrementalGenerator
{
    private static readonly DiagnosticDescriptor SchemaError = new DiagnosticDescriptor(
        "OCPPGEN001", "OCPP schema could not be turned into code", "{0}", "ChargePoint.Ocpp.Generator", DiagnosticSeverity.Error, isEnabledByDefault: true);

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Select((f, ct) => (Stem: Path.GetFileNameWithoutExtension(f.Path), Text: f.GetText(ct)?.ToString() ?? string.Empty))
            .Collect();

        context.RegisterSourceOutput(files, static (spc, all) => Generate(spc, all));
    }

    private static void Generate(SourceProductionContext context, ImmutableArray<(string Stem, string Text)> files)
    {
        if (files.IsEmpty)
        {
            return;
        }

        var schemas = new SchemaSet();
        try
        {
            foreach (var file in files.OrderBy(f => f.Stem, StringComparer.Ordinal))
            {
                schemas.AddFile(file.Stem, file.Text);
            }

            foreach (var source in new CodeEmitter(schemas).Emit())
            {
                context.AddSource(source.Key, SourceText.From(source.Value, Encoding.UTF8));
            }
        }
        catch (FormatException ex)
        {
            context.ReportDiagnostic(Diagnostic.Create(SchemaError, Location.None, ex.Message));
        }
        catch (KeyNotFoundException ex)
        {
            context.ReportDiagnostic(Diagnostic.Create(SchemaError, Location.None, "Unresolved schema reference: " + ex.Message));
        }
    }
}
