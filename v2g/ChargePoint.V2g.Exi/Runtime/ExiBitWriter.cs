using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace ChargePoint.V2g.Exi;

/// <summary>
/// Bit-packed EXI output over a caller-provided span. Never allocates. Bits are gathered in a 64-bit
/// accumulator and stored 32 at a time; <see cref="Finish"/> pads the last byte with zero bits.
/// </summary>
public ref struct ExiBitWriter
{
    private readonly Span<byte> _buffer;
    private int _position;
    private ulong _accumulator;
    private int _pendingBits;

    /// <summary>Per-stream state of wildcard and built-in content, created when such content first appears.</summary>
    internal ExiStreamState? Wildcards;

    public ExiBitWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
        _accumulator = 0;
        _pendingBits = 0;
        Wildcards = null;
    }

    /// <summary>Writes the low <paramref name="count"/> bits (0..32) of <paramref name="value"/>, most significant first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBits(int count, uint value)
    {
        _accumulator = (_accumulator << count) | value;
        _pendingBits += count;
        if (_pendingBits >= 32)
        {
            Store32();
        }
    }

    public void WriteBoolean(bool value) => WriteBits(1, value ? 1u : 0u);

    /// <summary>EXI Unsigned Integer: 7-bit groups, least significant first, high bit set while more follow.</summary>
    public void WriteUnsigned(ulong value)
    {
        // Values below 2^21 (three groups) are packed and written in one call.
        if (value < SmallLimit)
        {
            var packed = PackSmall((uint)value, out var bits);
            WriteBits(bits, packed);
            return;
        }

        while (value >= 0x80)
        {
            WriteBits(8, (uint)(value & 0x7F) | 0x80);
            value >>= 7;
        }

        WriteBits(8, (uint)value);
    }

    /// <summary>EXI Integer: a sign bit, then the magnitude as Unsigned Integer; negative n is written as -n - 1.</summary>
    public void WriteInteger(long value)
    {
        var sign = value < 0 ? 1u : 0u;
        var magnitude = value < 0 ? (ulong)(-(value + 1)) : (ulong)value;
        if (magnitude < SmallLimit)
        {
            // Sign and up to three groups (at most 25 bits) in one call.
            var packed = PackSmall((uint)magnitude, out var bits);
            WriteBits(bits + 1, (sign << bits) | packed);
            return;
        }

        WriteBits(1, sign);
        WriteUnsigned(magnitude);
    }

    private const uint SmallLimit = 1u << 21;

    /// <summary>The Unsigned Integer groups of <paramref name="value"/> (below 2^21) as one bit string of 8, 16 or 24 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint PackSmall(uint value, out int bits)
    {
        if (value < 0x80)
        {
            bits = 8;
            return value;
        }

        if (value < 0x4000)
        {
            bits = 16;
            return 0x8000u | ((value & 0x7F) << 8) | (value >> 7);
        }

        bits = 24;
        return 0x80_8000u | ((value & 0x7F) << 16) | (((value >> 7) & 0x7F) << 8) | (value >> 14);
    }

    /// <summary>
    /// A string value as a literal (length + 2, then each code point as Unsigned Integer). The encoder never
    /// writes string-table hits, which is what every V2G peer expects.
    /// </summary>
    public void WriteStringLiteral(string value)
    {
        WriteUnsigned((ulong)ExiCodePoints.CountCodePoints(value) + 2);
        WriteCodePoints(value);
    }

    /// <summary>Each code point of <paramref name="value"/> as an Unsigned Integer (EXI 1.0 §7.1.10), without a length.</summary>
    internal void WriteCodePoints(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            int c = value[i];
            if (c < 0x80)
            {
                WriteBits(8, (uint)c);
            }
            else
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    c = char.ConvertToUtf32(value[i], value[i + 1]);
                    i++;
                }

                WriteUnsigned((uint)c);
            }
        }
    }

    /// <summary>EXI Binary (hexBinary/base64Binary): length as Unsigned Integer, then the octets.</summary>
    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteUnsigned((ulong)value.Length);
        var i = 0;
        for (; i + 4 <= value.Length; i += 4)
        {
            WriteBits(32, BinaryPrimitives.ReadUInt32BigEndian(value.Slice(i)));
        }

        for (; i < value.Length; i++)
        {
            WriteBits(8, value[i]);
        }
    }

    /// <summary>Pads to a byte boundary and returns the number of bytes written.</summary>
    public int Finish()
    {
        while (_pendingBits >= 8)
        {
            StoreByte((byte)(_accumulator >> (_pendingBits - 8)));
            _pendingBits -= 8;
        }

        if (_pendingBits > 0)
        {
            StoreByte((byte)(_accumulator << (8 - _pendingBits)));
            _pendingBits = 0;
        }

        return _position;
    }

    private void Store32()
    {
        if (_position + 4 > _buffer.Length)
        {
            ThrowTooSmall();
        }

        BinaryPrimitives.WriteUInt32BigEndian(_buffer.Slice(_position), (uint)(_accumulator >> (_pendingBits - 32)));
        _position += 4;
        _pendingBits -= 32;
    }

    private void StoreByte(byte value)
    {
        if (_position >= _buffer.Length)
        {
            ThrowTooSmall();
        }

        _buffer[_position++] = value;
    }

    private static void ThrowTooSmall() => throw new ExiException("EXI destination buffer is too small for the encoded message.");
}
