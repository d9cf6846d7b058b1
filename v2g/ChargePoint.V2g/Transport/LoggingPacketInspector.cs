using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Transport;

/// <summary>Writes every frame to the log at Trace level (payload in hex), framing errors as warnings.</summary>
public sealed partial class LoggingPacketInspector(ILogger<LoggingPacketInspector> logger) : IV2gPacketInspector
{
    public void OnFrame(string connectionId, V2gtpDirection direction, V2gtpMessage message)
    {
        // The hex text is produced only if a Trace sink actually formats the entry.
        LogFrame(connectionId, direction, message.PayloadType, message.Payload.Length, new HexText(message.Payload));
    }

    public void OnFramingError(string connectionId, V2gtpHeaderError error) => LogFramingError(connectionId, error);

    [LoggerMessage(Level = LogLevel.Trace, Message = "{ConnectionId} {Direction} V2GTP 0x{PayloadType:X4} {Length} B {Hex}")]
    private partial void LogFrame(string connectionId, V2gtpDirection direction, ushort payloadType, int length, HexText hex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ConnectionId} V2GTP framing error {Error}; connection closed")]
    private partial void LogFramingError(string connectionId, V2gtpHeaderError error);

    private readonly struct HexText(ReadOnlyMemory<byte> bytes)
    {
        public override string ToString() => Convert.ToHexString(bytes.Span);
    }
}
