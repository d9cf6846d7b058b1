namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_VALIDATE.CNF result codes.</summary>
public enum ValidateResult : byte
{
    NotReady = 0,
    Ready = 1,
    Success = 2,
    Failure = 3,
    NotRequired = 4,
}

/// <summary>CM_VALIDATE.CNF (EVSE to EV).</summary>
public readonly record struct ValidateCnf(byte SignalType, byte ToggleCount, ValidateResult Result) : IMmeMessage<ValidateCnf>
{
    public static ushort MessageType => MmeType.ValidateCnf;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 3;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = SignalType;
        payload[1] = ToggleCount;
        payload[2] = (byte)Result;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out ValidateCnf message)
    {
        message = payload.Length >= 3 ? new ValidateCnf(payload[0], payload[1], (ValidateResult)payload[2]) : default;
        return payload.Length >= 3;
    }
}
