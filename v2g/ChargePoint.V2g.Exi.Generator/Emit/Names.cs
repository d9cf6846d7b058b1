using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace ChargePoint.V2g.Exi.Generator.Emit;

internal static class Names
{
    /// <summary>A C# identifier for an XSD name or enumeration value.</summary>
    public static string Identifier(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            sb.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (sb.Length == 0 || char.IsDigit(sb[0]))
        {
            sb.Insert(0, '_');
        }

        var id = sb.ToString();
        return SyntaxFacts.GetKeywordKind(id) != SyntaxKind.None ? "@" + id : id;
    }

    public static string Literal(string value) => SymbolDisplay(value);

    private static string SymbolDisplay(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
