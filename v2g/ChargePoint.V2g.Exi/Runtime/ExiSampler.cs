namespace ChargePoint.V2g.Exi;

/// <summary>
/// Random choices for the generated sample builders: schema-valid values with a bias towards boundaries,
/// small list lengths and short strings (some non-ASCII), so round-trip properties cover edge cases.
/// </summary>
public sealed class ExiSampler(Random random)
{
    private const string Alphabet = "abcXYZ019:/-_. ";

    public bool Chance() => random.Next(2) == 0;

    /// <summary>How deep the sample being built sits in wildcard content (typed samples inside it stay small).</summary>
    internal int WildcardDepth { get; set; }

    public bool Boolean() => Chance();

    public int Pick(int count) => random.Next(count);

    /// <summary>A list length in [min, max] (max -1 = unbounded), kept small; sometimes exactly max.</summary>
    public int Count(int min, int max)
    {
        if (max > 0 && max <= 64 && random.Next(6) == 0)
        {
            return max;
        }

        var upper = max < 0 ? min + 3 : Math.Min(max, min + 3);
        return random.Next(min, upper + 1);
    }

    public long Integer(long min, long max) => random.Next(4) switch
    {
        0 => min,
        1 => max,
        2 => Math.Clamp(0, min, max),
        _ => random.NextInt64(min, max == long.MaxValue ? max : max + 1),
    };

    public ulong Unsigned(ulong min, ulong max) => random.Next(3) switch
    {
        0 => min,
        1 => max,
        _ => min + (ulong)random.NextInt64(0, (long)Math.Min(max - min, (ulong)int.MaxValue)),
    };

    /// <summary>An xs:integer: small values, 64-bit edges and values of up to 160 bits (X509 serial numbers).</summary>
    public System.Numerics.BigInteger BigInteger()
    {
        switch (random.Next(4))
        {
            case 0:
                return random.NextInt64(-1000, 1000);
            case 1:
                return random.Next(2) == 0 ? (System.Numerics.BigInteger)long.MinValue - 1 : (System.Numerics.BigInteger)ulong.MaxValue + 1;
            default:
                var bytes = new byte[random.Next(1, 21)];
                random.NextBytes(bytes);
                var magnitude = new System.Numerics.BigInteger(bytes, isUnsigned: true);
                return random.Next(2) == 0 ? magnitude : -magnitude;
        }
    }

    public string String(int minLength, int maxLength)
    {
        var length = random.Next(minLength, Math.Min(maxLength, minLength + 12) + 1);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(20) == 0 ? 'é' : Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    public byte[] Binary(int minLength, int maxLength)
    {
        var bytes = new byte[random.Next(minLength, Math.Min(maxLength, minLength + 16) + 1)];
        random.NextBytes(bytes);
        return bytes;
    }
}
