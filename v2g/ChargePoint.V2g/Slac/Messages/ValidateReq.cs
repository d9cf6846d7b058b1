namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_VALIDATE.REQ (EV, optional): SignalType 0 = EV toggles S2; Timer in 100 ms steps; Result 1 = ready.</summary>
public readonly record struct ValidateReq(byte SignalType, byte Timer, byte Result) : IMmeMessage<ValidateReq>
{
    public static ushort MessageType => MmeType.ValidateReq;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 3;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = SignalType;
        payload[1] = Timer;
        payload[2] = Result;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out ValidateReq message)
    {
        message = payload.Length >= 3 ? new ValidateReq(payload[0], payload[1], payload[2]) : default;
        return payload.Length >= 3;
    }
}
