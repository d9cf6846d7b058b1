using System.Buffers.Binary;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>
/// CM_SET_KEY.CNF (modem to EVSE host). HomePlug defines Result 0x00 as success, but QCA-family modems answer
/// 0x01 on success; which values count as success is configurable (<see cref="Slac.SetKeyResultPolicy"/>).
/// </summary>
public readonly record struct SetKeyCnf(
    byte Result,
    uint MyNonce,
    uint YourNonce,
    byte ProtocolId,
    ushort ProtocolRunNumber,
    byte ProtocolMessageNumber,
    byte CcoCapability) : IMmeMessage<SetKeyCnf>
{
    public static ushort MessageType => MmeType.SetKeyCnf;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 14;

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = Result;
        BinaryPrimitives.WriteUInt32LittleEndian(payload[1..], MyNonce);
        BinaryPrimitives.WriteUInt32LittleEndian(payload[5..], YourNonce);
        payload[9] = ProtocolId;
        BinaryPrimitives.WriteUInt16LittleEndian(payload[10..], ProtocolRunNumber);
        payload[12] = ProtocolMessageNumber;
        payload[13] = CcoCapability;
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out SetKeyCnf message)
    {
        message = default;
        if (payload.Length < 14)
        {
            return false;
        }

        message = new SetKeyCnf(
            payload[0],
            BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]),
            BinaryPrimitives.ReadUInt32LittleEndian(payload[5..]),
            payload[9],
            BinaryPrimitives.ReadUInt16LittleEndian(payload[10..]),
            payload[12],
            payload[13]);
        return true;
    }
}
