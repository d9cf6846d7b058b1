using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_ATTEN_CHAR.RSP (EV to EVSE): acknowledges ATTEN_CHAR.IND; Result 0x00 means success.</summary>
public readonly record struct AttenCharRsp(
    byte ApplicationType,
    byte SecurityType,
    MacAddress SourceAddress,
    RunId RunId,
    byte[]? SourceId,
    byte[]? ResponderId,
    byte Result) : IMmeMessage<AttenCharRsp>
{
    public static ushort MessageType => MmeType.AttenCharRsp;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 51;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = ApplicationType;
        payload[1] = SecurityType;
        SourceAddress.WriteTo(payload[2..]);
        RunId.WriteTo(payload[8..]);
        MmeFields.Write(payload[16..], SourceId, SlacConstants.StationIdLength);
        MmeFields.Write(payload[33..], ResponderId, SlacConstants.StationIdLength);
        payload[50] = Result;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out AttenCharRsp message)
    {
        message = default;
        if (payload.Length < 51)
        {
            return false;
        }

        message = new AttenCharRsp(
            payload[0],
            payload[1],
            MacAddress.Read(payload[2..]),
            RunId.Read(payload[8..]),
            MmeFields.Read(payload, 16, SlacConstants.StationIdLength),
            MmeFields.Read(payload, 33, SlacConstants.StationIdLength),
            payload[50]);
        return true;
    }
}
