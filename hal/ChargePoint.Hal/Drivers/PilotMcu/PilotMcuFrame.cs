namespace ChargePoint.Hal.Drivers.PilotMcu;

/// <summary>One frame of the pilot front-end link (PROTOCOL.md in this folder).</summary>
public readonly record struct PilotMcuFrame(byte Type, byte Sequence, byte[] Payload)
{
    public const byte StartOfFrame = 0xA5;
    public const byte Version = 0x01;
    public const int MaxPayload = 64;
    public const int Overhead = 7;

    public const byte SetPilot = 0x01;
    public const byte SetContactors = 0x02;
    public const byte Heartbeat = 0x03;
    public const byte Status = 0x81;

    public byte[] Encode()
    {
        if (Payload.Length > MaxPayload)
        {
            throw new InvalidOperationException($"Payload of {Payload.Length} bytes exceeds {MaxPayload}.");
        }

        var frame = new byte[Overhead + Payload.Length];
        frame[0] = StartOfFrame;
        frame[1] = Version;
        frame[2] = Type;
        frame[3] = Sequence;
        frame[4] = (byte)Payload.Length;
        Payload.CopyTo(frame, 5);
        var crc = Crc16Ccitt.Compute(frame.AsSpan(1, 4 + Payload.Length));
        frame[^2] = (byte)(crc >> 8);
        frame[^1] = (byte)crc;
        return frame;
    }
}

/// <summary>CRC-16/CCITT-FALSE: polynomial 0x1021, initial 0xFFFF, no reflection, no final XOR.</summary>
public static class Crc16Ccitt
{
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= (ushort)(b << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }
        }

        return crc;
    }
}
