using System.Buffers.Binary;

namespace ChargePoint.V2g.Slac.Messages;

/// <summary>
/// CM_SET_KEY.REQ (EVSE host to its own modem, ISO 15118-3 Table A.8): installs the NMK and NID of the AVLN the EV
/// will join. KeyType 0x01 = NMK, PID 0x04 = HLE protocol, NewEKS 0x01.
/// </summary>
public readonly record struct SetKeyReq(
    byte KeyType,
    uint MyNonce,
    uint YourNonce,
    byte ProtocolId,
    ushort ProtocolRunNumber,
    byte ProtocolMessageNumber,
    byte CcoCapability,
    byte[] Nid,
    byte NewEncryptionKeySelect,
    byte[] NewKey) : IMmeMessage<SetKeyReq>
{
    public const byte KeyTypeNmk = 0x01;
    public const byte ProtocolIdHle = 0x04;
    public const byte EncryptionKeySelectNmk = 0x01;

    public static ushort MessageType => MmeType.SetKeyReq;

    public static byte Version => MmeVersion.HomePlugAv11;

    public int PayloadLength => 38;

    /// <summary>The request the EVSE sends for a freshly generated key.</summary>
    public static SetKeyReq ForNetworkKey(NetworkKey key, uint nonce)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new SetKeyReq(KeyTypeNmk, nonce, 0, ProtocolIdHle, 0, 0, 0, key.Nid, EncryptionKeySelectNmk, key.Nmk);
    }

    public void WritePayload(Span<byte> payload)
    {
        payload[0] = KeyType;
        BinaryPrimitives.WriteUInt32LittleEndian(payload[1..], MyNonce);
        BinaryPrimitives.WriteUInt32LittleEndian(payload[5..], YourNonce);
        payload[9] = ProtocolId;
        BinaryPrimitives.WriteUInt16LittleEndian(payload[10..], ProtocolRunNumber);
        payload[12] = ProtocolMessageNumber;
        payload[13] = CcoCapability;
        MmeFields.Write(payload[14..], Nid, SlacConstants.NidLength);
        payload[21] = NewEncryptionKeySelect;
        MmeFields.Write(payload[22..], NewKey, SlacConstants.NmkLength);
    }

    public static bool TryRead(ReadOnlySpan<byte> payload, out SetKeyReq message)
    {
        message = default;
        if (payload.Length < 38)
        {
            return false;
        }

        message = new SetKeyReq(
            payload[0],
            BinaryPrimitives.ReadUInt32LittleEndian(payload[1..]),
            BinaryPrimitives.ReadUInt32LittleEndian(payload[5..]),
            payload[9],
            BinaryPrimitives.ReadUInt16LittleEndian(payload[10..]),
            payload[12],
            payload[13],
            MmeFields.Read(payload, 14, SlacConstants.NidLength),
            payload[21],
            MmeFields.Read(payload, 22, SlacConstants.NmkLength));
        return true;
    }
}
