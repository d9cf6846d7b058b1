using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_SLAC_PARM.CNF (EVSE to EV): sounding parameters. TimeOut is in units of 100 ms.</summary>
public readonly record struct SlacParmCnf(
    MacAddress SoundTarget,
    byte NumSounds,
    byte TimeOut,
    byte ResponseType,
    MacAddress ForwardingStation,
    byte ApplicationType,
    byte SecurityType,
    RunId RunId) : IMmeMessage<SlacParmCnf>
{
    public static ushort MessageType => MmeType.SlacParmCnf;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 25;

    public void WritePayload(Span<byte> payload)
    {
        SoundTarget.WriteTo(payload);
        payload[6] = NumSounds;
        payload[7] = TimeOut;
        payload[8] = ResponseType;
        ForwardingStation.WriteTo(payload[9..]);
        payload[15] = ApplicationType;
        payload[16] = SecurityType;
        RunId.WriteTo(payload[17..]);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out SlacParmCnf message)
    {
        message = default;
        if (payload.Length < 25)
        {
            return false;
        }

        message = new SlacParmCnf(
            MacAddress.Read(payload), payload[6], payload[7], payload[8], MacAddress.Read(payload[9..]), payload[15], payload[16], RunId.Read(payload[17..]));
        return true;
    }
}
