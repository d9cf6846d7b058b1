using System.Runtime.CompilerServices;

namespace ChargePoint.V2g.Exi;

/// <summary>
/// The decoder's string value table (EXI 1.0 §7.3.3): a global partition and one local partition per
/// qualified name, needed because the V2G options leave the value partitions unbounded, so a conformant peer
/// may send hits. Our encoder always writes literals. The first <see cref="InlineCapacity"/> values live inside
/// the reader (V2G messages carry only a few strings), so decoding them allocates nothing beyond the strings.
/// </summary>
internal struct ExiStringTable
{
    public const int InlineCapacity = 8;

    private InlineValues _values;
    private InlineIds _ids;
    private List<(int QualifiedNameId, string Value)>? _overflow;

    /// <summary>Entries in the global partition (every literal in order of appearance).</summary>
    public int Count { get; private set; }

    public void Add(int qualifiedNameId, string value)
    {
        if (Count < InlineCapacity)
        {
            _values[Count] = value;
            _ids[Count] = qualifiedNameId;
        }
        else
        {
            (_overflow ??= []).Add((qualifiedNameId, value));
        }

        Count++;
    }

    /// <summary>The global entry <paramref name="index"/> (its width, BitsFor(Count), is read by the caller).</summary>
    public readonly string Global(uint index)
    {
        if (index >= (uint)Count)
        {
            throw new ExiException($"EXI global string hit {index} outside a table of {Count}.");
        }

        return Value((int)index);
    }

    /// <summary>Entries in the local partition of <paramref name="qualifiedNameId"/>.</summary>
    public readonly int LocalCount(int qualifiedNameId)
    {
        var count = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Id(i) == qualifiedNameId)
            {
                count++;
            }
        }

        return count;
    }

    public readonly string Local(int qualifiedNameId, uint index)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Id(i) == qualifiedNameId && index-- == 0)
            {
                return Value(i);
            }
        }

        throw new ExiException("EXI local string hit outside its partition.");
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

    private readonly string Value(int i) => i < InlineCapacity ? _values[i]! : _overflow![i - InlineCapacity].Value;

    private readonly int Id(int i) => i < InlineCapacity ? _ids[i] : _overflow![i - InlineCapacity].QualifiedNameId;

    [InlineArray(InlineCapacity)]
    private struct InlineValues
    {
        private string? _element;
    }

    [InlineArray(InlineCapacity)]
    private struct InlineIds
    {
        private int _element;
    }
}
