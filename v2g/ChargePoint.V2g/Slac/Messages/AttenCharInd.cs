using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>
/// CM_ATTEN_CHAR.IND (EVSE to EV): the averaged attenuation profile over the sounds actually received. Source and
/// responder station IDs are sent as zero.
/// </summary>
public readonly record struct AttenCharInd(
    byte ApplicationType,
    byte SecurityType,
    MacAddress SourceAddress,
    RunId RunId,
    byte[]? SourceId,
    byte[]? ResponderId,
    byte NumSounds,
    byte[] Groups) : IMmeMessage<AttenCharInd>
{
    public static ushort MessageType => MmeType.AttenCharInd;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 52 + Groups.Length;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = ApplicationType;
        payload[1] = SecurityType;
        SourceAddress.WriteTo(payload[2..]);
        RunId.WriteTo(payload[8..]);
        MmeFields.Write(payload[16..], SourceId, SlacConstants.StationIdLength);
        MmeFields.Write(payload[33..], ResponderId, SlacConstants.StationIdLength);
        payload[50] = NumSounds;
        payload[51] = checked((byte)Groups.Length);
        Groups.CopyTo(payload[52..]);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out AttenCharInd message)
    {
        message = default;
        if (payload.Length < 52)
        {
            return false;
        }

        int groups = payload[51];
        if (groups == 0 || groups > SlacConstants.AttenuationGroups || payload.Length < 52 + groups)
        {
            return false;
        }

        message = new AttenCharInd(
            payload[0],
            payload[1],
            MacAddress.Read(payload[2..]),
            RunId.Read(payload[8..]),
            MmeFields.Read(payload, 16, SlacConstants.StationIdLength),
            MmeFields.Read(payload, 33, SlacConstants.StationIdLength),
            payload[50],
            MmeFields.Read(payload, 52, groups));
        return true;
    }
}
