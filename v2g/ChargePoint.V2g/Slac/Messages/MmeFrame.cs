using System.Buffers.Binary;
using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>Why a received frame was not accepted as an MME (logged, never thrown).</summary>
public enum MmeFrameError
{
    None,
    TooShort,
    NotHomePlug,
    Fragmented,
}

/// <summary>
/// Ethernet II framing of HomePlug MMEs: Ethertype 0x88E1, MMV at 14, MMTYPE (little-endian) at 15, and for MMV
/// other than 0 the fragmentation bytes FMI/FMSN at 17-18 (always 0: SLAC MMEs are never fragmented). Frames are
/// zero-padded to the 60-byte Ethernet minimum.
/// </summary>
public static class MmeFrame
{
    public const ushort EtherType = 0x88E1;
    public const int EthernetHeaderLength = 14;
    public const int MinimumFrameLength = 60;

    /// <summary>Largest frame we accept or build (standard Ethernet MTU plus header).</summary>
    public const int MaximumFrameLength = 1514;

    public static int HeaderLength(byte version) => version == MmeVersion.HomePlugAv10 ? 17 : 19;

    public static byte[] Build<T>(MacAddress destination, MacAddress source, in T message)
        where T : struct, IMmeMessage<T>
    {
        var headerLength = HeaderLength(T.Version);
        var frame = new byte[Math.Max(MinimumFrameLength, headerLength + message.PayloadLength)];
        destination.WriteTo(frame);
        source.WriteTo(frame.AsSpan(6));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), EtherType);
        frame[14] = T.Version;
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(15), T.MessageType);
        message.WritePayload(frame.AsSpan(headerLength, message.PayloadLength));
        return frame;
    }

    /// <summary>Reads the header and locates the payload; the payload may include Ethernet padding.</summary>
    public static MmeFrameError TryParse(ReadOnlySpan<byte> frame, out MmeHeader header, out ReadOnlySpan<byte> payload)
    {
        header = default;
        payload = default;
        if (frame.Length < 17)
        {
            return MmeFrameError.TooShort;
        }

        if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != EtherType)
        {
            return MmeFrameError.NotHomePlug;
        }

        var version = frame[14];
        var headerLength = HeaderLength(version);
        if (frame.Length < headerLength)
        {
            return MmeFrameError.TooShort;
        }

        if (headerLength == 19 && (frame[17] != 0 || frame[18] != 0))
        {
            return MmeFrameError.Fragmented;
        }

        header = new MmeHeader(MacAddress.Read(frame), MacAddress.Read(frame[6..]), version, BinaryPrimitives.ReadUInt16LittleEndian(frame[15..]));
        payload = frame[headerLength..];
        return MmeFrameError.None;
    }

    /// <summary>Parses the payload as <typeparamref name="T"/> when the header carries its type and version.</summary>
    public static bool TryRead<T>(in MmeHeader header, ReadOnlySpan<byte> payload, out T message)
        where T : struct, IMmeMessage<T>
    {
        if (header.Type != T.MessageType || header.Version != T.Version)
        {
            message = default;
            return false;
        }

        return T.TryRead(payload, out message);
    }
}
