namespace ChargePoint.V2g.Transport;

/// <summary>Outcome of reading one frame: a message, a clean end of stream, or a framing error.</summary>
public readonly record struct V2gtpReadResult
{
    private V2gtpReadResult(V2gtpReadStatus status, V2gtpMessage message, V2gtpHeaderError error)
    {
        Status = status;
        Message = message;
        Error = error;
    }

    public V2gtpReadStatus Status { get; }

    /// <summary>Valid when <see cref="Status"/> is <see cref="V2gtpReadStatus.Message"/>.</summary>
    public V2gtpMessage Message { get; }

    /// <summary>Set when <see cref="Status"/> is <see cref="V2gtpReadStatus.FramingError"/>.</summary>
    public V2gtpHeaderError Error { get; }

    public static V2gtpReadResult Received(V2gtpMessage message) => new(V2gtpReadStatus.Message, message, V2gtpHeaderError.None);

    public static V2gtpReadResult EndOfStream { get; } = new(V2gtpReadStatus.EndOfStream, default, V2gtpHeaderError.None);

    public static V2gtpReadResult Failed(V2gtpHeaderError error) => new(V2gtpReadStatus.FramingError, default, error);
}

public enum V2gtpReadStatus
{
    Message,

    /// <summary>The peer closed the stream between two frames.</summary>
    EndOfStream,

    /// <summary>Bad header or truncated frame; the connection must be closed.</summary>
    FramingError,
}
