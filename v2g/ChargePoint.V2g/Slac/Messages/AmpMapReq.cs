using System.Buffers.Binary;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>
/// CM_AMP_MAP.REQ (ISO 15118-3 A.9.6, optional transmit-power limitation): AMLEN (little-endian) amplitude
/// entries of 4 bits each, two per byte, the even entry in the low nibble. AMLEN 0 is invalid.
/// </summary>
public readonly record struct AmpMapReq(byte[] Amplitudes) : IMmeMessage<AmpMapReq>
{
    /// <summary>Green PHY has 1155 carriers; no map can be longer.</summary>
    public const int MaximumEntries = 1155;

    public static ushort MessageType => MmeType.AmpMapReq;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 2 + ((Amplitudes.Length + 1) / 2);

    public void WritePayload(Span<byte> payload)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(payload, checked((ushort)Amplitudes.Length));
        var data = payload[2..PayloadLength];
        data.Clear();
        for (var i = 0; i < Amplitudes.Length; i++)
        {
            var nibble = (byte)(Amplitudes[i] & 0x0F);
            data[i / 2] |= (byte)(i % 2 == 0 ? nibble : nibble << 4);
        }
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out AmpMapReq message)
    {
        message = default;
        if (payload.Length < 2)
        {
            return false;
        }

        int count = BinaryPrimitives.ReadUInt16LittleEndian(payload);
        if (count == 0 || count > MaximumEntries || payload.Length < 2 + ((count + 1) / 2))
        {
            return false;
        }

        var amplitudes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var packed = payload[2 + (i / 2)];
            amplitudes[i] = (byte)(i % 2 == 0 ? packed & 0x0F : packed >> 4);
        }

        message = new AmpMapReq(amplitudes);
        return true;
    }
}
