using System.Numerics;

namespace ChargePoint.V2g.Exi;

/// <summary>
/// EXI Integer and Unsigned Integer values beyond 64 bits (EXI 1.0 §7.1.5, §7.1.6: the 7-bit groups are
/// unbounded), as xs:integer needs for xmldsig X509SerialNumber. Magnitudes are capped at
/// <see cref="MaxGroups"/> groups (1,029 bits) so a hostile stream cannot make the decoder build huge numbers.
/// </summary>
public static class ExiBigIntegers
{
    /// <summary>Largest number of 7-bit groups accepted in either direction.</summary>
    public const int MaxGroups = 147;

    /// <summary>Writes an Integer: sign bit, then the magnitude (negative n as -n - 1) as Unsigned Integer.</summary>
    public static void WriteInteger(ref ExiBitWriter writer, BigInteger value)
    {
        if (value >= long.MinValue && value <= long.MaxValue)
        {
            writer.WriteInteger((long)value);
            return;
        }

        var negative = value.Sign < 0;
        writer.WriteBits(1, negative ? 1u : 0u);
        WriteUnsigned(ref writer, negative ? -(value + 1) : value);
    }

    /// <summary>Writes a non-negative value as Unsigned Integer without allocating.</summary>
    public static void WriteUnsigned(ref ExiBitWriter writer, BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ExiException($"EXI unsigned integer {value} is negative.");
        }

        if (value <= ulong.MaxValue)
        {
            writer.WriteUnsigned((ulong)value);
            return;
        }

        var groups = (int)((value.GetBitLength() + 6) / 7);
        if (groups > MaxGroups)
        {
            throw new ExiException($"EXI integer of {value.GetBitLength()} bits exceeds the supported {MaxGroups * 7} bits.");
        }

        Span<byte> bytes = stackalloc byte[(MaxGroups * 7 / 8) + 2];
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        for (var g = 0; g < groups; g++)
        {
            var payload = SevenBits(bytes, g * 7);
            writer.WriteBits(8, g + 1 < groups ? payload | 0x80u : payload);
        }
    }

    /// <summary>Reads an Integer (sign bit, then magnitude) of any size up to the cap.</summary>
    public static BigInteger ReadInteger(ref ExiBitReader reader)
    {
        var negative = reader.ReadBits(1) != 0;
        var magnitude = ReadUnsigned(ref reader);
        return negative ? -magnitude - 1 : magnitude;
    }

    /// <summary>Reads an Unsigned Integer of any size up to the cap.</summary>
    public static BigInteger ReadUnsigned(ref ExiBitReader reader)
    {
        // The 7-bit groups are kept until the last one arrives; then they are laid out little-endian.
        Span<byte> groups = stackalloc byte[MaxGroups];
        var count = 0;
        while (true)
        {
            if (count == MaxGroups)
            {
                throw new ExiException($"EXI integer exceeds the supported {MaxGroups * 7} bits.");
            }

            var group = reader.ReadBits(8);
            groups[count++] = (byte)(group & 0x7F);
            if ((group & 0x80) == 0)
            {
                break;
            }
        }

        var bytes = new byte[((count * 7) + 7) / 8];
        for (var g = 0; g < count; g++)
        {
            for (var bit = 0; bit < 7; bit++)
            {
                if ((groups[g] & (1 << bit)) != 0)
                {
                    var position = (g * 7) + bit;
                    bytes[position >> 3] |= (byte)(1 << (position & 7));
                }
            }
        }

        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>Parses the XML lexical form of xs:integer.</summary>
    public static BigInteger Parse(string text) =>
        BigInteger.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ExiException($"'{text}' is not an xs:integer.");

    /// <summary>Enforces optional inclusive bounds (xs:integer restrictions) given in their lexical form.</summary>
    public static BigInteger InRange(BigInteger value, string? min, string? max, string name)
    {
        if ((min is not null && value < BigInteger.Parse(min, System.Globalization.CultureInfo.InvariantCulture))
            || (max is not null && value > BigInteger.Parse(max, System.Globalization.CultureInfo.InvariantCulture)))
        {
            throw new ExiException($"{name}: value {value} is outside the range the schema allows.");
        }

        return value;
    }

    private static uint SevenBits(ReadOnlySpan<byte> littleEndian, int position)
    {
        var index = position >> 3;
        var shift = position & 7;
        uint word = littleEndian[index];
        if (index + 1 < littleEndian.Length)
        {
            word |= (uint)littleEndian[index + 1] << 8;
        }

        return (word >> shift) & 0x7F;
    }
}
