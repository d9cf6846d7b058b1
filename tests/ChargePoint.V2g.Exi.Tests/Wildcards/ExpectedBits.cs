using System.Text;

namespace ChargePoint.V2g.Exi.Tests.Wildcards;

/// <summary>
/// An EXI bit string written down field by field in a test, independently of the codec's writer: n-bit unsigned
/// integers (§7.1.9), Unsigned Integers as 7-bit groups least significant first (§7.1.6) and characters as their
/// code points (§7.1.10). Padded with zero bits to whole bytes.
/// </summary>
internal sealed class ExpectedBits
{
    private readonly StringBuilder _bits = new();

    public ExpectedBits Bits(int width, long value)
    {
        Assert.InRange(value, 0, (1L << width) - 1);
        for (var i = width - 1; i >= 0; i--)
        {
            _bits.Append(((value >> i) & 1) == 1 ? '1' : '0');
        }

        return this;
    }

    public ExpectedBits Unsigned(ulong value)
    {
        do
        {
            var group = value & 0x7F;
            value >>= 7;
            Bits(8, (long)(group | (value > 0 ? 0x80UL : 0)));
        }
        while (value > 0);
        return this;
    }

    /// <summary>The characters of an ASCII string, each one octet (code points below 128).</summary>
    public ExpectedBits Chars(string text)
    {
        foreach (var c in text)
        {
            Unsigned(c);
        }

        return this;
    }

    /// <summary>A value string literal (§7.3.3): length + 2, then the characters.</summary>
    public ExpectedBits ValueLiteral(string text) => Unsigned((ulong)text.Length + 2).Chars(text);

    public string Hex
    {
        get
        {
            var bits = _bits.ToString().PadRight((_bits.Length + 7) / 8 * 8, '0');
            var bytes = new byte[bits.Length / 8];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = Convert.ToByte(bits.Substring(i * 8, 8), 2);
            }

            return Convert.ToHexStringLower(bytes);
        }
    }
}
