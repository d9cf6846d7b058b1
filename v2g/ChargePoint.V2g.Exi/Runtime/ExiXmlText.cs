using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ChargePoint.V2g.Exi;

/// <summary>XSD lexical forms used by the generated XML bridge; every failure is an <see cref="ExiException"/>.</summary>
public static class ExiXmlText
{
    public static XElement LoadRoot(string xml)
    {
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            // Whitespace is kept: in mixed and wildcard content it is character data the stream carries.
            return XDocument.Load(reader, LoadOptions.PreserveWhitespace).Root ?? throw new ExiException("XML has no root element.");
        }
        catch (XmlException ex)
        {
            throw new ExiException("Invalid XML: " + ex.Message, ex);
        }
    }

    public static bool ParseBoolean(string text) => text.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw new ExiException($"'{text}' is not an xs:boolean."),
    };

    public static long ParseInteger(string text, long min, long max)
    {
        if (!long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ExiException($"'{text}' is not an integer in [{min}, {max}].");
        }

        return value;
    }

    public static ulong ParseUnsigned(string text) =>
        ulong.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ExiException($"'{text}' is not an unsigned integer.");

    public static byte[] ParseHex(string text)
    {
        try
        {
            return Convert.FromHexString(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new ExiException($"'{text}' is not xs:hexBinary.", ex);
        }
    }

    public static byte[] ParseBase64(string text)
    {
        try
        {
            return Convert.FromBase64String(text.Trim());
        }
        catch (FormatException ex)
        {
            throw new ExiException($"'{text}' is not xs:base64Binary.", ex);
        }
    }

    /// <summary>Writes the text segments of a mixed element up to <paramref name="position"/> (child elements before them).</summary>
    public static void WriteText(XmlWriter x, List<ExiTextSegment> text, ref int next, int position)
    {
        for (; next < text.Count && text[next].Position <= position; next++)
        {
            x.WriteString(text[next].Value);
        }
    }

    /// <summary>
    /// Before child element number <paramref name="position"/> of a mixed element: the text in front of it. The
    /// first child switches the writer to mixed content (an empty string), so no indentation becomes text.
    /// </summary>
    public static void BeforeChild(XmlWriter x, List<ExiTextSegment> text, ref int next, int position)
    {
        if (position == 0)
        {
            x.WriteString(string.Empty);
        }

        WriteText(x, text, ref next, position);
    }

    /// <summary>Adds parsed text of a mixed element; adjacent text and CDATA nodes make one segment.</summary>
    public static void AddText(List<ExiTextSegment> text, int position, string value)
    {
        if (text.Count > 0 && text[^1].Position == position)
        {
            value = text[^1].Value + value;
            text.RemoveAt(text.Count - 1);
        }

        if (value.Length > 0)
        {
            text.Add(new ExiTextSegment(position, value));
        }
    }

    /// <summary>True when the grammar state reached after the last child allows the element to end.</summary>
    public static bool Complete(int state, params int[] statesWithEndElement) => Array.IndexOf(statesWithEndElement, state) >= 0;

    public static ExiException Incomplete(XName element) => new($"<{element.LocalName}> lacks a required child element.");

    public static ExiException Unexpected(XName name, XName parent) => new($"Unexpected {name} in <{parent.LocalName}>.");
}
