namespace ChargePoint.V2g.Slac.Messages;

/// <summary>
/// One management message entry: its type, the version it travels with, and how its payload (the bytes after
/// the MME header) is written and read. Parsing returns false for a payload that is too short or malformed.
/// </summary>
public interface IMmeMessage<TSelf>
    where TSelf : struct, IMmeMessage<TSelf>
{
    static abstract ushort MessageType { get; }

    /// <summary>MMV to send with; receivers check it.</summary>
    static abstract byte Version { get; }

    int PayloadLength { get; }

    void WritePayload(Span<byte> payload);

    static abstract bool TryRead(ReadOnlySpan<byte> payload, out TSelf message);
}
