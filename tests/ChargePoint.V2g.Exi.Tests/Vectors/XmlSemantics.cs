using System.Globalization;
using System.Xml.Linq;

namespace ChargePoint.V2g.Exi.Tests.Vectors;

/// <summary>
/// Semantic XML equality as the vector README defines it: same element tree (namespace + local name),
/// order and attributes; simple values compared by value space (integers, booleans, hex/base64 bytes);
/// prefixes and indentation ignored. Returns the first difference, or null.
/// </summary>
public static class XmlSemantics
{
    public static string? Difference(XElement expected, XElement actual, string path = "")
    {
        path += "/" + expected.Name.LocalName;
        if (expected.Name != actual.Name)
        {
            return $"{path}: element {actual.Name} instead of {expected.Name}";
        }

        var expectedAttributes = expected.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString()).ToList();
        var actualAttributes = actual.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString()).ToList();
        if (expectedAttributes.Count != actualAttributes.Count)
        {
            return $"{path}: {actualAttributes.Count} attributes instead of {expectedAttributes.Count}";
        }

        for (var i = 0; i < expectedAttributes.Count; i++)
        {
            if (expectedAttributes[i].Name != actualAttributes[i].Name || !SameValue(expectedAttributes[i].Value, actualAttributes[i].Value))
            {
                return $"{path}/@{expectedAttributes[i].Name}: '{actualAttributes[i]}' instead of '{expectedAttributes[i]}'";
            }
        }

        var expectedChildren = expected.Elements().ToList();
        var actualChildren = actual.Elements().ToList();
        if (expectedChildren.Count == 0 && actualChildren.Count == 0)
        {
            return SameValue(expected.Value, actual.Value) ? null : $"{path}: '{actual.Value}' instead of '{expected.Value}'";
        }

        if (expectedChildren.Count != actualChildren.Count)
        {
            return $"{path}: {actualChildren.Count} children instead of {expectedChildren.Count}";
        }

        for (var i = 0; i < expectedChildren.Count; i++)
        {
            var difference = Difference(expectedChildren[i], actualChildren[i], path);
            if (difference is not null)
            {
                return difference;
            }
        }

        return null;
    }

    private static bool SameValue(string expected, string actual)
    {
        expected = expected.Trim();
        actual = actual.Trim();
        if (expected == actual)
        {
            return true;
        }

        if (decimal.TryParse(expected, NumberStyles.Integer, CultureInfo.InvariantCulture, out var e)
            && decimal.TryParse(actual, NumberStyles.Integer, CultureInfo.InvariantCulture, out var a))
        {
            return e == a;
        }

        if (Boolean(expected) is { } eb && Boolean(actual) is { } ab)
        {
            return eb == ab;
        }

        if (string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase) && expected.All(Uri.IsHexDigit))
        {
            return true;
        }

        return Base64(expected) is { } eBytes && Base64(actual) is { } aBytes && eBytes.SequenceEqual(aBytes);
    }

    private static bool? Boolean(string text) => text switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    private static byte[]? Base64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? buffer[..written] : null;
    }
}
