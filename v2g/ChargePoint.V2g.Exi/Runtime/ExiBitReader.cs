using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace ChargePoint.V2g.Exi;

/// <summary>
/// Bit-packed EXI input over a span. Every read is bounds-checked against the input and throws
/// <see cref="ExiException"/> on truncation or malformed values; lengths are checked against the remaining
/// input before anything is allocated, so allocation stays proportional to the input.
/// </summary>
public ref struct ExiBitReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _nextByte;
    private ulong _window;
    private int _available;
    private ExiStringTable _strings;

    /// <summary>Per-stream state of wildcard and built-in content, created when such content first appears.</summary>
    internal ExiStreamState? Wildcards;

    public ExiBitReader(ReadOnlySpan<byte> data)
    {
        if (data.Length > ExiLimits.MaxMessageBytes)
        {
            throw new ExiException($"EXI stream of {data.Length} bytes exceeds the limit of {ExiLimits.MaxMessageBytes} bytes.");
        }

        _data = data;
        _nextByte = 0;
        _window = 0;
        _available = 0;
        _strings = default;
        Wildcards = null;
    }

    /// <summary>Length of the whole input in bytes (budgets for wildcard content are proportional to it).</summary>
    internal readonly int InputLength => _data.Length;

    /// <summary>Bits not yet consumed.</summary>
    public readonly long RemainingBits => ((long)(_data.Length - _nextByte) * 8) + _available;

    /// <summary>Reads <paramref name="count"/> (0..32) bits, most significant first.</summary>
    /// <remarks>
    /// The next input bits are kept left-aligned in a 64-bit window; only a refill touches the span. Bits past
    /// <c>_available</c> may already hold the following input bits, which a refill ORs in again unchanged.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadBits(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        if (_available < count)
        {
            Refill(count);
        }

        var value = (uint)(_window >> (64 - count));
        _window <<= count;
        _available -= count;
        return value;
    }

    private void Refill(int count)
    {
        if (_nextByte + 8 <= _data.Length)
        {
            var chunk = BinaryPrimitives.ReadUInt64BigEndian(_data.Slice(_nextByte));
            _window |= chunk >> _available;
            var bytes = (64 - _available) >> 3;
            _nextByte += bytes;
            _available += bytes * 8;
        }
        else
        {
            while (_available <= 56 && _nextByte < _data.Length)
            {
                _window |= (ulong)_data[_nextByte++] << (56 - _available);
                _available += 8;
            }
        }

        if (_available < count)
        {
            ThrowTruncated();
        }
    }

    public bool ReadBoolean() => ReadBits(1) != 0;

    /// <summary>EXI Unsigned Integer of at most 64 bits (10 groups); anything longer is malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadUnsigned()
    {
        // Most V2G values fit one 7-bit group: one read, no loop.
        var first = ReadBits(8);
        return first < 0x80 ? first : ReadUnsignedTail(first);
    }

    /// <summary>The groups after a first group <paramref name="first"/> whose continuation bit is set.</summary>
    private ulong ReadUnsignedTail(uint first)
    {
        var result = (ulong)(first & 0x7F);
        for (var shift = 7; shift < 70; shift += 7)
        {
            var group = ReadBits(8);
            var payload = (ulong)(group & 0x7F);
            if (shift == 63 && payload > 1)
            {
                break;
            }

            result |= payload << shift;
            if ((group & 0x80) == 0)
            {
                return result;
            }
        }

        throw new ExiException("EXI unsigned integer exceeds 64 bits.");
    }

    /// <summary>An Unsigned Integer that must not exceed <paramref name="max"/> (a facet or a C# type bound).</summary>
    public ulong ReadUnsigned(ulong max)
    {
        var value = ReadUnsigned();
        if (value > max)
        {
            throw new ExiException($"EXI value {value} exceeds its maximum {max}.");
        }

        return value;
    }

    /// <summary>An Unsigned Integer within [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public ulong ReadUnsigned(ulong min, ulong max)
    {
        var value = ReadUnsigned();
        if (value < min || value > max)
        {
            throw new ExiException($"EXI value {value} outside [{min}, {max}].");
        }

        return value;
    }

    /// <summary>EXI Integer: sign bit then magnitude; must lie in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public long ReadInteger(long min, long max)
    {
        // Sign bit and the first magnitude group in one read.
        var head = ReadBits(9);
        var negative = head >= 0x100;
        var first = head & 0xFF;
        var magnitude = first < 0x80 ? first : ReadUnsignedTail(first);
        if (magnitude > long.MaxValue)
        {
            throw new ExiException("EXI integer exceeds 64 bits.");
        }

        var value = negative ? -(long)magnitude - 1 : (long)magnitude;
        if (value < min || value > max)
        {
            throw new ExiException($"EXI integer {value} outside [{min}, {max}].");
        }

        return value;
    }

    /// <summary>An n-bit unsigned offset from <paramref name="min"/> whose result must not exceed <paramref name="max"/>.</summary>
    public long ReadBoundedInteger(int bits, long min, long max)
    {
        var value = min + ReadBits(bits);
        if (value > max)
        {
            throw new ExiException($"EXI bounded integer {value} exceeds {max}.");
        }

        return value;
    }

    /// <summary>
    /// A simple-typed element's content of a fixed width in one read: the CH event code (0, 1 bit), the
    /// <paramref name="valueBits"/>-bit value, then the EE event code (0, 1 bit). Returns the value bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadFramed(int valueBits)
    {
        var bits = ReadBits(valueBits + 2);
        if ((bits & ((1u << (valueBits + 1)) | 1u)) != 0)
        {
            ThrowUnsupportedEvent();
        }

        return (bits >> 1) & ((1u << valueBits) - 1);
    }

    /// <summary>An n-bit offset <paramref name="offset"/> from <paramref name="min"/> that must not exceed <paramref name="max"/>.</summary>
    public static long Bounded(uint offset, long min, long max)
    {
        var value = min + offset;
        if (value > max)
        {
            throw new ExiException($"EXI bounded integer {value} exceeds {max}.");
        }

        return value;
    }

    /// <summary>An enumeration index that must be below <paramref name="count"/>.</summary>
    public static int Enumeration(uint index, int count)
    {
        if (index >= (uint)count)
        {
            throw new ExiException($"EXI enumeration index {index} outside the {count} declared values.");
        }

        return (int)index;
    }

    /// <summary>An enumeration index of <paramref name="bits"/> bits that must be below <paramref name="count"/>.</summary>
    public int ReadEnumeration(int bits, int count)
    {
        var index = ReadBits(bits);
        if (index >= (uint)count)
        {
            throw new ExiException($"EXI enumeration index {index} outside the {count} declared values.");
        }

        return (int)index;
    }

    /// <summary>Reads an event code and requires it to be the only first-level production (CH or EE of a simple value).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ExpectZeroBit()
    {
        if (ReadBits(1) != 0)
        {
            ThrowUnsupportedEvent();
        }
    }

    /// <summary>
    /// A string value: a literal, or a local/global value-table hit (EXI 1.0 §7.3.3). Literals are added to
    /// the table so later hits resolve. <paramref name="qualifiedNameId"/> selects the local partition.
    /// </summary>
    public string ReadString(int qualifiedNameId, int maxLength)
    {
        var selector = ReadUnsigned(uint.MaxValue);
        if (selector < 2)
        {
            var hit = selector == 0 ? ReadLocalHit(qualifiedNameId) : ReadGlobalHit();
            CheckLength(hit.Length, maxLength);
            return hit;
        }

        var length = selector - 2;
        if (length > (ulong)maxLength)
        {
            throw new ExiException($"EXI string of {length} characters exceeds the facet maxLength {maxLength}.");
        }

        // Each character costs at least 8 bits: refuse lengths the input cannot hold before allocating.
        if (length * 8 > (ulong)RemainingBits)
        {
            ThrowTruncated();
        }

        var value = ReadCharacters((int)length);
        if (value.Length > 0)
        {
            _strings.Add(qualifiedNameId, value);
        }

        return value;
    }

    /// <summary>
    /// The characters of a string whose length the caller read (qname parts, EXI 1.0 §7.1.10), refused before
    /// allocating when the input cannot hold them.
    /// </summary>
    internal string ReadLiteral(int length)
    {
        if ((long)length * 8 > RemainingBits)
        {
            ThrowTruncated();
        }

        return ReadCharacters(length);
    }

    /// <summary>EXI Binary: length then octets, bounded by <paramref name="maxLength"/> and by the input.</summary>
    public byte[] ReadBinary(int maxLength)
    {
        var length = ReadUnsigned(uint.MaxValue);
        if (length > (ulong)maxLength)
        {
            throw new ExiException($"EXI binary value of {length} bytes exceeds the facet maxLength {maxLength}.");
        }

        if (length * 8 > (ulong)RemainingBits)
        {
            ThrowTruncated();
        }

        var bytes = new byte[(int)length];
        if ((_available & 7) == 0)
        {
            // Byte-aligned: copy straight from the input and restart the window behind the value.
            var start = _nextByte - (_available >> 3);
            _data.Slice(start, bytes.Length).CopyTo(bytes);
            _nextByte = start + bytes.Length;
            _window = 0;
            _available = 0;
        }
        else
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)ReadBits(8);
            }
        }

        return bytes;
    }

    /// <summary>After the document's last event only the zero padding of the final byte may remain.</summary>
    public readonly void ReadEnd()
    {
        if (RemainingBits >= 8)
        {
            throw new ExiException($"EXI stream has {RemainingBits / 8} bytes after the end of the document.");
        }
    }

    /// <summary>Reads and checks the one-byte V2G EXI header (0x80).</summary>
    public void ReadHeader()
    {
        var header = ReadBits(8);
        if (header != ExiLimits.Header)
        {
            throw new ExiException($"EXI header 0x{header:x2} is not 0x80 (bit-packed, no options, version 1).");
        }
    }

    public static ExiException UnknownEventCode(uint code) =>
        new($"EXI event code {code} is not a declared production (undeclared events are not supported).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnsupportedEvent() =>
        throw new ExiException("EXI event is not a declared production (undeclared events are not supported).");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTruncated() => throw new ExiException("EXI stream is truncated.");

    private string ReadGlobalHit()
    {
        var count = _strings.Count;
        if (count == 0)
        {
            throw new ExiException("EXI string table hit on an empty table.");
        }

        return _strings.Global(ReadBits(ExiStringTable.BitsFor(count)));
    }

    private string ReadLocalHit(int qualifiedNameId)
    {
        var count = _strings.LocalCount(qualifiedNameId);
        if (count == 0)
        {
            throw new ExiException("EXI local string hit on an empty partition.");
        }

        return _strings.Local(qualifiedNameId, ReadBits(ExiStringTable.BitsFor(count)));
    }

    private static void CheckLength(int length, int maxLength)
    {
        if (length > maxLength)
        {
            throw new ExiException($"EXI string of {length} characters exceeds the facet maxLength {maxLength}.");
        }
    }

    private string ReadCharacters(int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        Span<char> small = stackalloc char[64];
        var chars = length <= 32 ? small : new char[length * 2];
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            var codePoint = ReadUnsigned(0x10FFFF);
            if (codePoint < 0x10000)
            {
                if (codePoint is >= 0xD800 and <= 0xDFFF)
                {
                    throw new ExiException("EXI string holds a surrogate code point.");
                }

                chars[count++] = (char)codePoint;
            }
            else
            {
                count += new Rune((int)codePoint).EncodeToUtf16(chars.Slice(count));
            }
        }

        return new string(chars.Slice(0, count));
    }
}
