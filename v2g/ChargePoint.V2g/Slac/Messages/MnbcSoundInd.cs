namespace ChargePoint.V2g.Slac.Messages;

/// <summary>
/// CM_MNBC_SOUND.IND (EV, broadcast): one sound. Count is the number of sounds still to come. The RunID field is
/// 16 bytes in the standard; the upper 8 are reserved and written as zero.
/// </summary>
public readonly record struct MnbcSoundInd(byte ApplicationType, byte SecurityType, byte[]? SenderId, byte Count, RunId RunId, byte[]? Random)
    : IMmeMessage<MnbcSoundInd>
{
    public const int RandomLength = 16;

    public static ushort MessageType => MmeType.MnbcSoundInd;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 52;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = ApplicationType;
        payload[1] = SecurityType;
        MmeFields.Write(payload[2..], SenderId, SlacConstants.StationIdLength);
        payload[19] = Count;
        RunId.WriteTo(payload[20..]);
        payload.Slice(28, 8).Clear();
        MmeFields.Write(payload[36..], Random, RandomLength);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out MnbcSoundInd message)
    {
        message = default;
        if (payload.Length < 52)
        {
            return false;
        }

        message = new MnbcSoundInd(
            payload[0], payload[1], MmeFields.Read(payload, 2, SlacConstants.StationIdLength), payload[19], RunId.Read(payload[20..]), MmeFields.Read(payload, 36, RandomLength));
        return true;
    }
}
