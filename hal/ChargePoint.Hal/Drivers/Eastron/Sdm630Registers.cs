using System.Buffers.Binary;

namespace ChargePoint.Hal.Drivers.Eastron;

/// <summary>
/// Input registers (function code 04) of the Eastron SDM630-Modbus V2 three-phase bidirectional meter, from
/// Eastron's published "SDM630 Modbus Protocol" register map. Every quantity is a 32-bit IEEE 754 float in two
/// consecutive registers, high word first. Addresses are the protocol (0-based) start addresses.
/// </summary>
public static class Sdm630Registers
{
    public const ushort Phase1VoltageVolts = 0x0000;
    public const ushort Phase1CurrentAmperes = 0x0006;
    public const ushort Phase1ActivePowerWatts = 0x000C;

    /// <summary>Total system active power; negative while energy is exported.</summary>
    public const ushort TotalSystemPowerWatts = 0x0034;
    public const ushort FrequencyHertz = 0x0046;
    public const ushort ImportActiveEnergyKilowattHours = 0x0048;
    public const ushort ExportActiveEnergyKilowattHours = 0x004A;

    /// <summary>One read covers every register the driver needs (0x0000…0x004B).</summary>
    public const ushort BlockStart = 0x0000;
    public const ushort BlockLength = 0x004C;

    public static float ReadFloat(ReadOnlySpan<ushort> block, ushort address)
    {
        var bits = ((uint)block[address - BlockStart] << 16) | block[address - BlockStart + 1];
        return BitConverter.UInt32BitsToSingle(bits);
    }

    public static void WriteFloat(Span<ushort> block, ushort address, float value)
    {
        var bits = BitConverter.SingleToUInt32Bits(value);
        block[address - BlockStart] = (ushort)(bits >> 16);
        block[address - BlockStart + 1] = (ushort)bits;
    }

    /// <summary>The register pair as the big-endian bytes that travel on the wire.</summary>
    public static byte[] ToWireBytes(float value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteSingleBigEndian(bytes, value);
        return bytes;
    }
}
