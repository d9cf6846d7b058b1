using System.Buffers.Binary;
using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Drivers.PilotMcu;

/// <summary>The Status message (type 0x81) of the pilot front-end link.</summary>
public readonly record struct PilotMcuStatus(
    short HighPlateauMillivolts,
    short LowPlateauMillivolts,
    ushort ProximityOhms,
    byte ContactorFeedback,
    byte Flags,
    PilotOutputMode PilotMode,
    ushort DutyHundredthsPercent)
{
    public const int PayloadLength = 11;
    public const byte FlagEmergencyStop = 1 << 0;
    public const byte FlagResidualCurrentTripped = 1 << 1;
    public const byte FlagHeartbeatLost = 1 << 2;
    public const ushort ProximityOpen = 0xFFFF;

    public byte[] ToPayload()
    {
        var payload = new byte[PayloadLength];
        BinaryPrimitives.WriteInt16LittleEndian(payload, HighPlateauMillivolts);
        BinaryPrimitives.WriteInt16LittleEndian(payload.AsSpan(2), LowPlateauMillivolts);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(4), ProximityOhms);
        payload[6] = ContactorFeedback;
        payload[7] = Flags;
        payload[8] = PilotMcuPilotMode.ToWire(PilotMode);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(9), DutyHundredthsPercent);
        return payload;
    }

    /// <summary>Parses a Status payload; trailing bytes from newer firmware are ignored. Null when too short.</summary>
    public static PilotMcuStatus? Parse(ReadOnlySpan<byte> payload) =>
        payload.Length < PayloadLength || PilotMcuPilotMode.FromWire(payload[8]) is not { } mode
            ? null
            : new PilotMcuStatus(
                BinaryPrimitives.ReadInt16LittleEndian(payload),
                BinaryPrimitives.ReadInt16LittleEndian(payload[2..]),
                BinaryPrimitives.ReadUInt16LittleEndian(payload[4..]),
                payload[6],
                payload[7],
                mode,
                BinaryPrimitives.ReadUInt16LittleEndian(payload[9..]));
}

/// <summary>Pilot mode encoding shared by SetPilot and Status.</summary>
public static class PilotMcuPilotMode
{
    public static byte ToWire(PilotOutputMode mode) => mode switch
    {
        PilotOutputMode.ConstantHigh => 0,
        PilotOutputMode.Pwm => 1,
        PilotOutputMode.StateE => 2,
        _ => 3,
    };

    public static PilotOutputMode? FromWire(byte value) => value switch
    {
        0 => PilotOutputMode.ConstantHigh,
        1 => PilotOutputMode.Pwm,
        2 => PilotOutputMode.StateE,
        3 => PilotOutputMode.StateF,
        _ => null,
    };

    public static byte[] SetPilotPayload(PilotOutput output)
    {
        var payload = new byte[3];
        payload[0] = ToWire(output.Mode);
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(1), (ushort)Math.Round(output.DutyPercent * 100));
        return payload;
    }

    public static PilotOutput? ParseSetPilot(ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 3 || FromWire(payload[0]) is not { } mode)
        {
            return null;
        }

        var duty = BinaryPrimitives.ReadUInt16LittleEndian(payload[1..]) / 100.0;
        return mode == PilotOutputMode.Pwm ? (duty <= 100 ? PilotOutput.Pwm(duty) : null) : new PilotOutput(mode, mode == PilotOutputMode.ConstantHigh ? 100 : 0);
    }
}
