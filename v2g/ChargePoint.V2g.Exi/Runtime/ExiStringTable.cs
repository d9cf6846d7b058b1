namespace ChargePoint.V2g.Exi;

/// <summary>
/// The decoder's string value table (EXI 1.0 §7.3.3): a global partition and one local partition per
/// qualified name. Created on the first non-empty string literal; only a decoder needs it, because our
/// encoder always writes literals.
/// </summary>
internal sealed class ExiStringTable
{
    private readonly List<string> _global = [];
    private readonly List<(int QualifiedNameId, string Value)> _local = [];

    public void Add(int qualifiedNameId, string value)
    {
        _global.Add(value);
        _local.Add((qualifiedNameId, value));
    }

    public string ReadGlobalHit(ref ExiBitReader reader)
    {
        var index = reader.ReadBits(BitsFor(_global.Count));
        if (index >= (uint)_global.Count)
        {
            throw new ExiException($"EXI global string hit {index} outside a table of {_global.Count}.");
        }

        return _global[(int)index];
    }

    public string ReadLocalHit(ref ExiBitReader reader, int qualifiedNameId)
    {
        var count = 0;
        foreach (var entry in _local)
        {
            if (entry.QualifiedNameId == qualifiedNameId)
            {
                count++;
            }
        }

        if (count == 0)
        {
            throw new ExiException("EXI local string hit on an empty partition.");
        }

        var index = reader.ReadBits(BitsFor(count));
        foreach (var entry in _local)
        {
            if (entry.QualifiedNameId == qualifiedNameId && index-- == 0)
            {
                return entry.Value;
            }
        }

        throw new ExiException($"EXI local string hit outside a partition of {count}.");
    }

    /// <summary>ceil(log2(n)) bits, as EXI uses for compact identifiers.</summary>
    public static int BitsFor(int n)
    {
        var bits = 0;
        while ((1 << bits) < n)
        {
            bits++;
        }

        return bits;
    }
}
