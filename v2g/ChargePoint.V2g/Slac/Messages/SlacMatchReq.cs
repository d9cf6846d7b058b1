using System.Buffers.Binary;
using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>CM_SLAC_MATCH.REQ (EV to EVSE): the EV chose this EVSE. PEV_ID and EVSE_ID are sent as zero.</summary>
public readonly record struct SlacMatchReq(
    byte ApplicationType,
    byte SecurityType,
    ushort VariableFieldLength,
    byte[]? PevId,
    MacAddress PevAddress,
    byte[]? EvseId,
    MacAddress EvseAddress,
    RunId RunId) : IMmeMessage<SlacMatchReq>
{
    public static ushort MessageType => MmeType.SlacMatchReq;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 66;

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
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out SlacMatchReq message)
    {
        message = default;
        if (payload.Length < 66)
        {
            return false;
        }

        message = new SlacMatchReq(
            payload[0],
            payload[1],
            BinaryPrimitives.ReadUInt16LittleEndian(payload[2..]),
            MmeFields.Read(payload, 4, SlacConstants.StationIdLength),
            MacAddress.Read(payload[21..]),
            MmeFields.Read(payload, 27, SlacConstants.StationIdLength),
            MacAddress.Read(payload[44..]),
            RunId.Read(payload[50..]));
        return true;
    }
}
