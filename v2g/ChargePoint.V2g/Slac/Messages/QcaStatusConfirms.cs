namespace ChargePoint.V2g.Slac.Messages;

/// <summary>VS_RS_DEV.CNF: OUI and MSTATUS (0 = the modem accepted the reset).</summary>
public readonly record struct QcaResetDeviceCnf(byte Status) : IMmeMessage<QcaResetDeviceCnf>
{
    public static ushort MessageType => MmeType.QcaResetDeviceCnf;

    public static byte Version => MmeVersion.HomePlugAv10;

    public int PayloadLength => 4;

    public void WritePayload(Span<byte> payload)
    {
        QcaVendor.WriteOui(payload);
        payload[3] = Status;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out QcaResetDeviceCnf message)
    {
        var ok = QcaVendor.HasOui(payload) && payload.Length >= 4;
        message = ok ? new QcaResetDeviceCnf(payload[3]) : default;
        return ok;
    }
}

/// <summary>VS_PL_LNK_STATUS.CNF: OUI, MSTATUS (0 = success) and link status (0x01 = the modem is in an AVLN).</summary>
public readonly record struct QcaLinkStatusCnf(byte Status, byte LinkStatus) : IMmeMessage<QcaLinkStatusCnf>
{
    public const byte LinkUp = 0x01;

    public static ushort MessageType => MmeType.QcaLinkStatusCnf;

    public static byte Version => MmeVersion.HomePlugAv10;

    public int PayloadLength => 5;

    public bool IsLinkUp => Status == 0 && LinkStatus == LinkUp;

    public void WritePayload(Span<byte> payload)
    {
        QcaVendor.WriteOui(payload);
        payload[3] = Status;
        payload[4] = LinkStatus;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out QcaLinkStatusCnf message)
    {
        var ok = QcaVendor.HasOui(payload) && payload.Length >= 5;
        message = ok ? new QcaLinkStatusCnf(payload[3], payload[4]) : default;
        return ok;
    }
}
