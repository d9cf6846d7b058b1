using System.Text;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>VS_SW_VER.CNF: OUI, MSTATUS (0 = success), device id, version length, version string (NUL-terminated ASCII).</summary>
public readonly record struct QcaSoftwareVersionCnf(byte Status, byte DeviceId, string SoftwareVersion) : IMmeMessage<QcaSoftwareVersionCnf>
{
    public static ushort MessageType => MmeType.QcaSoftwareVersionCnf;

    public static byte Version => MmeVersion.HomePlugAv10;

    public int PayloadLength => 6 + Encoding.ASCII.GetByteCount(SoftwareVersion) + 1;

    public void WritePayload(Span<byte> payload)
    {
        QcaVendor.WriteOui(payload);
        payload[3] = Status;
        payload[4] = DeviceId;
        var length = Encoding.ASCII.GetBytes(SoftwareVersion, payload[6..]);
        payload[6 + length] = 0;
        payload[5] = checked((byte)(length + 1));
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out QcaSoftwareVersionCnf message)
    {
        message = default;
        if (!QcaVendor.HasOui(payload) || payload.Length < 6 || payload.Length < 6 + payload[5])
        {
            return false;
        }

        var text = payload.Slice(6, payload[5]);
        var end = text.IndexOf((byte)0);
        if (end >= 0)
        {
            text = text[..end];
        }

        if (text.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E))
        {
            return false;
        }

        message = new QcaSoftwareVersionCnf(payload[3], payload[4], Encoding.ASCII.GetString(text));
        return true;
    }
}
