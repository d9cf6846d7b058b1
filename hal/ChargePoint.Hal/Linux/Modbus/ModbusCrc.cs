namespace ChargePoint.Hal.Linux.Modbus;

/// <summary>CRC-16/MODBUS (Modbus over Serial Line V1.02 §6.2.2): reflected polynomial 0xA001, initial value
/// 0xFFFF, transmitted low byte first.</summary>
public static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>Writes the CRC of <paramref name="frame"/>[..^2] into its last two bytes.</summary>
    public static void Append(Span<byte> frame)
    {
        var crc = Compute(frame[..^2]);
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
    }

    /// <summary>True when the last two bytes hold the CRC of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<byte> frame) =>
        frame.Length >= 3 && Compute(frame[..^2]) == (ushort)(frame[^2] | (frame[^1] << 8));

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
