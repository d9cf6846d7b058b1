using System.Text.Json;

namespace ChargePoint.V2g.Exi.Tests.Vectors;

/// <summary>One reference vector: an XML instance and the EXI bytes an independent codec produced for it.</summary>
public sealed record ExiVector(string Name, string Schema, string Root, string V2gtpPayloadType, string Xml, string Exi)
{
    public byte[] Bytes => Convert.FromHexString(Exi);

    public override string ToString() => Name;

    private static readonly Lazy<IReadOnlyList<ExiVector>> AllLazy = new(Load);

    public static IReadOnlyList<ExiVector> All => AllLazy.Value;

    public static IEnumerable<object[]> Cases => All.Select(v => new object[] { v.Name });

    public static ExiVector Named(string name) => All.Single(v => v.Name == name);

    private static List<ExiVector> Load()
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "vectors", "exi");
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        var result = new List<ExiVector>();
        foreach (var file in Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal))
        {
            result.AddRange(JsonSerializer.Deserialize<List<ExiVector>>(File.ReadAllText(file), options)!);
        }

        return result;
    }
}
