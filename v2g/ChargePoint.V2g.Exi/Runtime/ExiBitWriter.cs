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

    public ExiBitWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
        _accumulator = 0;
        _pendingBits = 0;
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
        if (value < 0)
        {
            WriteBits(1, 1);
            WriteUnsigned((ulong)(-(value + 1)));
        }
        else
        {
            WriteBits(1, 0);
            WriteUnsigned((ulong)value);
        }
    }

    /// <summary>
    /// A string value as a literal (length + 2, then each code point as Unsigned Integer). The encoder never
    /// writes string-table hits, which is what every V2G peer expects.
    /// </summary>
    public void WriteStringLiteral(string value)
    {
        var codePoints = ExiText.CountCodePoints(value);
        WriteUnsigned((ulong)codePoints + 2);
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
        foreach (var b in value)
        {
            WriteBits(8, b);
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
