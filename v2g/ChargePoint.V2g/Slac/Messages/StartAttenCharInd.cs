using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_START_ATTEN_CHAR.IND (EV, broadcast, sent C_EV_start_atten_char_inds = 3 times): sounding starts.</summary>
public readonly record struct StartAttenCharInd(
    byte ApplicationType,
    byte SecurityType,
    byte NumSounds,
    byte TimeOut,
    byte ResponseType,
    MacAddress ForwardingStation,
    RunId RunId) : IMmeMessage<StartAttenCharInd>
{
    public static ushort MessageType => MmeType.StartAttenCharInd;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 19;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = ApplicationType;
        payload[1] = SecurityType;
        payload[2] = NumSounds;
        payload[3] = TimeOut;
        payload[4] = ResponseType;
        ForwardingStation.WriteTo(payload[5..]);
        RunId.WriteTo(payload[11..]);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out StartAttenCharInd message)
    {
        message = default;
        if (payload.Length < 19)
        {
            return false;
        }

        message = new StartAttenCharInd(payload[0], payload[1], payload[2], payload[3], payload[4], MacAddress.Read(payload[5..]), RunId.Read(payload[11..]));
        return true;
    }
}
