using System.Text.Json;
using ChargePoint.TestUtilities;

namespace ChargePoint.V2g.Tests.AppProtocol;

/// <summary>The SupportedAppProtocol reference vectors (EXI bytes from an independent codec).</summary>
internal static class AppProtocolVectors
{
    private static readonly Lazy<Dictionary<string, byte[]>> Vectors = new(Load);

    public static byte[] Bytes(string name) => Vectors.Value[name];

    private static Dictionary<string, byte[]> Load()
    {
        var path = RepositoryPaths.Combine("tests", "ChargePoint.V2g.Exi.Tests", "vectors", "exi", "app-protocol.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().ToDictionary(
            v => v.GetProperty("name").GetString()!,
            v => Convert.FromHexString(v.GetProperty("exi").GetString()!));
    }
}
