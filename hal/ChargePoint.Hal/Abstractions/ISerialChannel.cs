namespace ChargePoint.Hal.Abstractions;

/// <summary>A byte channel to a serial device (UART, RS-485). Reads wait at most the given timeout.</summary>
public interface ISerialChannel : IDisposable
{
    /// <summary>Time one character takes on the wire (start, data, parity, stop bits) at the configured rate.</summary>
    TimeSpan CharacterTime { get; }

    void Write(ReadOnlySpan<byte> data);

    /// <summary>Reads what is available, waiting up to <paramref name="timeout"/> for the first byte.
    /// Returns 0 on timeout.</summary>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Drops unread input (stale bytes from an earlier, timed-out exchange).</summary>
    void DiscardInput();
}
