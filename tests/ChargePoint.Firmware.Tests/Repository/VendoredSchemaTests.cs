using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Repository;

/// <summary>The vendored schemas may only ever be unmodified copies (ISO/DIN use terms, OCA CC BY-ND 4.0).</summary>
public sealed partial class VendoredSchemaTests
{
    [Fact]
    public void Every_xsd_matches_the_sha256_recorded_in_SOURCES()
    {
        var sources = File.ReadAllText(RepositoryPaths.Combine("v2g", "schemas", "SOURCES.md"));
        var expected = ShaLine().Matches(sources)
            .ToDictionary(m => m.Groups["file"].Value, m => m.Groups["sha"].Value, StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(RepositoryPaths.Combine("v2g", "schemas"), "*.xsd", SearchOption.AllDirectories).ToList();

        Assert.Equal(18, files.Count);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Combine("v2g", "schemas"), file).Replace('\\', '/');
            var key = relative.EndsWith("xmldsig-core-schema.xsd", StringComparison.Ordinal) ? "xmldsig-core-schema.xsd" : relative;
            Assert.True(expected.TryGetValue(key, out var sha), $"{relative} has no recorded SHA-256");
            Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))));
        }
    }

    [Fact]
    public void Every_ocpp_schema_is_present_and_carries_the_OCA_licence_notice()
    {
        var files = Directory.GetFiles(RepositoryPaths.Combine("ocpp-client", "schemas", "ocpp21"), "*.json");

        Assert.Equal(181, files.Length);
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var comment = doc.RootElement.GetProperty("comment").GetString();
            Assert.Contains("(c) OCA, Creative Commons Attribution-NoDerivatives 4.0", comment, StringComparison.Ordinal);
            Assert.Equal($"urn:{Path.GetFileNameWithoutExtension(file)}", doc.RootElement.GetProperty("$id").GetString());
        }
    }

    [GeneratedRegex(@"^(?<sha>[0-9a-f]{64})\s+(?<file>\S+\.xsd)", RegexOptions.Multiline)]
    private static partial Regex ShaLine();
}
