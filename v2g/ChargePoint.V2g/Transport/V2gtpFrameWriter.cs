using System.Buffers;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// Writes V2GTP frames to a stream. Header and payload go out in one write so that over TLS a small
/// message is one record (one round trip, no Nagle stall between header and body).
/// Thread-safe: concurrent senders are serialised so frames never interleave.
/// </summary>
public sealed class V2gtpFrameWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public V2gtpFrameWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    public async ValueTask WriteAsync(V2gtpMessage message, CancellationToken cancellationToken = default)
    {
        var frameLength = message.FrameLength;
        var frame = ArrayPool<byte>.Shared.Rent(frameLength);
        try
        {
            Encode(message, frame);
            await _gate.WaitAsync(cancellationToken);
            try
            {
                await _stream.WriteAsync(frame.AsMemory(0, frameLength), cancellationToken);
                await _stream.FlushAsync(cancellationToken);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>Encodes header and payload into <paramref name="destination"/>; returns the frame length.</summary>
    public static int Encode(V2gtpMessage message, Span<byte> destination)
    {
        var frameLength = message.FrameLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, frameLength, nameof(destination));
        new V2gtpHeader(message.PayloadType, (uint)message.Payload.Length).WriteTo(destination);
        message.Payload.Span.CopyTo(destination[V2gtpHeader.Size..]);
        return frameLength;
    }

    /// <summary>A new array holding the whole frame (for datagrams and tests).</summary>
    public static byte[] Encode(V2gtpMessage message)
    {
        var frame = new byte[message.FrameLength];
        Encode(message, frame);
        return frame;
    }

    public void Dispose() => _gate.Dispose();
}
