using System.Buffers.Binary;
using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_SLAC_MATCH.CNF (EVSE to EV): echoes the request and hands over the NID and NMK of the EVSE's AVLN.</summary>
public readonly record struct SlacMatchCnf(
    byte ApplicationType,
    byte SecurityType,
    ushort VariableFieldLength,
    byte[]? PevId,
    MacAddress PevAddress,
    byte[]? EvseId,
    MacAddress EvseAddress,
    RunId RunId,
    byte[] Nid,
    byte[] Nmk) : IMmeMessage<SlacMatchCnf>
{
    public static ushort MessageType => MmeType.SlacMatchCnf;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 90;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = ApplicationType;
        payload[1] = SecurityType;
        BinaryPrimitives.WriteUInt16LittleEndian(payload[2..], VariableFieldLength);
        MmeFields.Write(payload[4..], PevId, SlacConstants.StationIdLength);
        PevAddress.WriteTo(payload[21..]);
        MmeFields.Write(payload[27..], EvseId, SlacConstants.StationIdLength);
        EvseAddress.WriteTo(payload[44..]);
        RunId.WriteTo(payload[50..]);
        payload.Slice(58, 8).Clear();
        MmeFields.Write(payload[66..], Nid, SlacConstants.NidLength);
        payload[73] = 0;
        MmeFields.Write(payload[74..], Nmk, SlacConstants.NmkLength);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out SlacMatchCnf message)
    {
        message = default;
        if (payload.Length < 90)
        {
            return false;
        }

        message = new SlacMatchCnf(
            payload[0],
            payload[1],
            BinaryPrimitives.ReadUInt16LittleEndian(payload[2..]),
            MmeFields.Read(payload, 4, SlacConstants.StationIdLength),
            MacAddress.Read(payload[21..]),
            MmeFields.Read(payload, 27, SlacConstants.StationIdLength),
            MacAddress.Read(payload[44..]),
            RunId.Read(payload[50..]),
            MmeFields.Read(payload, 66, SlacConstants.NidLength),
            MmeFields.Read(payload, 74, SlacConstants.NmkLength));
        return true;
    }
}
