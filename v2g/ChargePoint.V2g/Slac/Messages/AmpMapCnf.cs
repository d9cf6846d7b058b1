namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_AMP_MAP.CNF: Result 0x00 = success, 0x01 = failure.</summary>
public readonly record struct AmpMapCnf(byte Result) : IMmeMessage<AmpMapCnf>
{
    public static ushort MessageType => MmeType.AmpMapCnf;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 1;

    public void WritePayload(Span<byte> payload) => payload[0] = Result;

    public static bool TryRead(ReadOnlySpan<byte> payload, out AmpMapCnf message)
    {
        message = payload.Length >= 1 ? new AmpMapCnf(payload[0]) : default;
        return payload.Length >= 1;
    }
}
