namespace ChargePoint.V2g.Slac.Messages;

/// <summary>VS_SW_VER.REQ: asks the local QCA modem for its firmware version (payload is the OUI only).</summary>
public readonly record struct QcaSoftwareVersionReq : IMmeMessage<QcaSoftwareVersionReq>
{
    public static ushort MessageType => MmeType.QcaSoftwareVersionReq;

    public static byte Version => MmeVersion.HomePlugAv10;

    public int PayloadLength => QcaVendor.OuiLength;

    public void WritePayload(Span<byte> payload) => QcaVendor.WriteOui(payload);

    public static bool TryRead(ReadOnlySpan<byte> payload, out QcaSoftwareVersionReq message)
    {
        message = default;
        return QcaVendor.HasOui(payload);
    }
}

/// <summary>VS_RS_DEV.REQ: resets the local QCA modem (payload is the OUI only).</summary>
public readonly record struct QcaResetDeviceReq : IMmeMessage<QcaResetDeviceReq>
{
    public static ushort MessageType => MmeType.QcaResetDeviceReq;

    public static byte Version => MmeVersion.HomePlugAv10;

    public int PayloadLength => QcaVendor.OuiLength;

    public void WritePayload(Span<byte> payload) => QcaVendor.WriteOui(payload);

    public static bool TryRead(ReadOnlySpan<byte> payload, out QcaResetDeviceReq message)
    {
        message = default;
        return QcaVendor.HasOui(payload);
    }
}

/// <summary>VS_PL_LNK_STATUS.REQ: asks whether the local QCA modem is in an AVLN (payload is the OUI only).</summary>
public readonly record struct QcaLinkStatusReq : IMmeMessage<QcaLinkStatusReq>
{
    public static ushort MessageType => MmeType.QcaLinkStatusReq;

    public static byte Version => MmeVersion.HomePlugAv10;

    public int PayloadLength => QcaVendor.OuiLength;

    public void WritePayload(Span<byte> payload) => QcaVendor.WriteOui(payload);

    public static bool TryRead(ReadOnlySpan<byte> payload, out QcaLinkStatusReq message)
    {
        message = default;
        return QcaVendor.HasOui(payload);
    }
}
