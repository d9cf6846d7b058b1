using System.Globalization;
using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Linux.Can;

/// <summary>
/// The ASCII serial-line CAN protocol (LAWICEL/SLCAN) that USB-CAN adapters speak on a tty: a data frame is
/// <c>t</c> + 3 hex id digits (standard) or <c>T</c> + 8 (extended), one length digit, two hex digits per data
/// byte, then CR. Commands are <c>Sn</c> (bitrate), <c>O</c> (open), <c>C</c> (close); the adapter answers CR
/// for OK and BEL for an error, and some adapters acknowledge a transmitted frame with <c>z</c>/<c>Z</c>.
/// </summary>
public static class SerialLineCanCodec
{
    public const byte CarriageReturn = (byte)'\r';
    public const byte Bell = 0x07;

    /// <summary>Longest line: T + 8 id + 1 length + 16 data digits (+ an optional 4-digit timestamp).</summary>
    public const int MaxLineLength = 30;

    /// <summary>The <c>Sn</c> code of a classic CAN bitrate, or null when the protocol has none for it.</summary>
    public static char? BitrateCode(int bitsPerSecond) => bitsPerSecond switch
    {
        10_000 => '0',
        20_000 => '1',
        50_000 => '2',
        100_000 => '3',
        125_000 => '4',
        250_000 => '5',
        500_000 => '6',
        800_000 => '7',
        1_000_000 => '8',
        _ => null,
    };

    /// <summary>Writes the frame's line (with the trailing CR) and returns its length.</summary>
    public static int Encode(CanFrame frame, Span<byte> destination)
    {
        var digits = frame.IsExtended ? 8 : 3;
        var length = 1 + digits + 1 + (2 * frame.Length) + 1;
        if (destination.Length < length)
        {
            throw new ArgumentException($"A serial-line CAN frame needs {length} bytes.", nameof(destination));
        }

        destination[0] = (byte)(frame.IsExtended ? 'T' : 't');
        WriteHex(destination.Slice(1, digits), frame.Id);
        destination[1 + digits] = (byte)('0' + frame.Length);
        var data = frame.Data;
        for (var i = 0; i < frame.Length; i++)
        {
            WriteHex(destination.Slice(2 + digits + (2 * i), 2), data[i]);
        }

        destination[length - 1] = CarriageReturn;
        return length;
    }

    /// <summary>Parses one received line (without its CR) as a data frame; null for anything else (acks, remote
    /// frames, status answers, noise).</summary>
    public static CanFrame? Decode(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty || (line[0] != 't' && line[0] != 'T'))
        {
            return null;
        }

        var extended = line[0] == 'T';
        var digits = extended ? 8 : 3;
        if (line.Length < 2 + digits || !TryHex(line.Slice(1, digits), out var id) || id > (extended ? CanFrame.ExtendedIdMask : CanFrame.StandardIdMask))
        {
            return null;
        }

        var count = line[1 + digits] - '0';
        var dataStart = 2 + digits;

        // A trailing 4-digit timestamp (adapters with timestamps switched on) is allowed and ignored.
        if (count is < 0 or > 8 || (line.Length != dataStart + (2 * count) && line.Length != dataStart + (2 * count) + 4))
        {
            return null;
        }

        Span<byte> data = stackalloc byte[8];
        for (var i = 0; i < count; i++)
        {
            if (!TryHex(line.Slice(dataStart + (2 * i), 2), out var value))
            {
                return null;
            }

            data[i] = (byte)value;
        }

        return new CanFrame(id, extended, data[..count]);
    }

    private static void WriteHex(Span<byte> destination, uint value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)"0123456789ABCDEF"[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> text, out uint value)
    {
        Span<char> chars = stackalloc char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        return uint.TryParse(chars, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
