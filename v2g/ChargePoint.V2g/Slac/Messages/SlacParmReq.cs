namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_SLAC_PARM.REQ (EV, broadcast): starts a matching run. Security type 1 appends cipher suites, ignored here.</summary>
public readonly record struct SlacParmReq(byte ApplicationType, byte SecurityType, RunId RunId) : IMmeMessage<SlacParmReq>
{
    public static ushort MessageType => MmeType.SlacParmReq;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 10;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = ApplicationType;
        payload[1] = SecurityType;
        RunId.WriteTo(payload[2..]);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out SlacParmReq message)
    {
        message = default;
        if (payload.Length < 10)
        {
            return false;
        }

        message = new SlacParmReq(payload[0], payload[1], RunId.Read(payload[2..]));
        return true;
    }
}
