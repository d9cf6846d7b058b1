namespace ChargePoint.V2g.Transport;

/// <summary>
/// One V2GTP frame's content. When it comes from a reader, <see cref="Payload"/> may point into the
/// reader's buffer and is valid only until the next read on that reader: decode it (or copy it with
/// <see cref="Detach"/>) before reading again.
/// </summary>
public readonly record struct V2gtpMessage(ushort PayloadType, ReadOnlyMemory<byte> Payload)
{
    public V2gtpMessage(V2gtpPayloadType payloadType, ReadOnlyMemory<byte> payload)
        : this((ushort)payloadType, payload)
    {
    }

    /// <summary>Frame size on the wire, header included.</summary>
    public int FrameLength => V2gtpHeader.Size + Payload.Length;

    /// <summary>A copy that owns its bytes, for keeping beyond the next read.</summary>
    public V2gtpMessage Detach() => new(PayloadType, Payload.ToArray());

    public override string ToString() => $"V2GTP 0x{PayloadType:X4} ({Payload.Length} B)";
}
