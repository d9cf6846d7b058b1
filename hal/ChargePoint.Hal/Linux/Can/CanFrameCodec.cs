using System.Buffers.Binary;
using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Linux.Can;

/// <summary><c>struct can_frame</c> of linux/can.h (16 bytes): can_id u32 (host order, flag bits 31 EFF, 30 RTR,
/// 29 ERR) @0, len u8 @4, two reserved bytes, len8_dlc @7, data[8] @8.</summary>
public static class CanFrameCodec
{
    public const int Size = 16;
    public const uint ExtendedFlag = 0x8000_0000;
    public const uint RemoteFlag = 0x4000_0000;
    public const uint ErrorFlag = 0x2000_0000;

    public static void Encode(CanFrame frame, Span<byte> destination)
    {
        destination[..Size].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(destination, frame.Id | (frame.IsExtended ? ExtendedFlag : 0));
        destination[4] = frame.Length;
        frame.Data.CopyTo(destination[8..]);
    }

    /// <summary>Decodes a data frame; returns null for remote and error frames, which the HAL does not use.</summary>
    public static CanFrame? Decode(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
        {
            throw new ArgumentException($"A can_frame is {Size} bytes, got {source.Length}.", nameof(source));
        }

        var rawId = BinaryPrimitives.ReadUInt32LittleEndian(source);
        if ((rawId & (RemoteFlag | ErrorFlag)) != 0)
        {
            return null;
        }

        var extended = (rawId & ExtendedFlag) != 0;
        var length = Math.Min(source[4], (byte)8);
        return new CanFrame(rawId & (extended ? CanFrame.ExtendedIdMask : CanFrame.StandardIdMask), extended, source.Slice(8, length));
    }
}
