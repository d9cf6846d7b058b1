using System;

namespace ChargePoint.V2g.Exi.Generator.Schema;

/// <summary>One XSD given to the generator: the incremental pipeline's equatable input.</summary>
internal sealed class XsdFile : IEquatable<XsdFile>
{
    public XsdFile(string relativePath, string text)
    {
        RelativePath = relativePath;
        Text = text;
    }

    /// <summary>Path below the schemas folder, forward slashes (e.g. iso15118-20/V2G_CI_DC.xsd).</summary>
    public string RelativePath { get; }

    public string Text { get; }

    public bool Equals(XsdFile? other) =>
        other is not null && RelativePath == other.RelativePath && Text == other.Text;

    public override bool Equals(object? obj) => Equals(obj as XsdFile);

    public override int GetHashCode() => RelativePath.GetHashCode() ^ Text.Length;

    /// <summary>Maps an absolute AdditionalFiles path to the part after its last "schemas" folder.</summary>
    public static string ToRelative(string path)
    {
        var normalized = path.Replace('\\', '/');
        var marker = normalized.LastIndexOf("/schemas/", StringComparison.Ordinal);
        return marker < 0 ? normalized : normalized.Substring(marker + "/schemas/".Length);
    }
}
