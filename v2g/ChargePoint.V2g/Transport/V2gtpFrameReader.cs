using System.Buffers;
using System.IO.Pipelines;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// Reads V2GTP frames from a stream through a <see cref="PipeReader"/>, so frames split across any number
/// of TCP segments or TLS records are reassembled without extra copies. A returned payload points into the
/// pipe's buffer (or, when the frame spans buffer segments, into one reusable scratch array) and stays
/// valid until the next <see cref="ReadAsync"/>. Not thread-safe: one reader loop per connection.
/// </summary>
public sealed class V2gtpFrameReader : IAsyncDisposable
{
    private readonly PipeReader _reader;
    private readonly int _maxPayloadLength;
    private byte[] _scratch = [];
    private SequencePosition? _pendingConsumed;
    private bool _faulted;

    public V2gtpFrameReader(Stream stream, int maxPayloadLength)
        : this(PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 4096, minimumReadSize: 512, leaveOpen: true)), maxPayloadLength)
    {
    }

    public V2gtpFrameReader(PipeReader reader, int maxPayloadLength)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfNegative(maxPayloadLength);
        _reader = reader;
        _maxPayloadLength = maxPayloadLength;
    }

    /// <summary>Reads the next frame. After a <see cref="V2gtpReadStatus.FramingError"/> the stream is out
    /// of sync and every further call returns the same kind of error: the caller closes the connection.</summary>
    public async ValueTask<V2gtpReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_faulted)
        {
            return V2gtpReadResult.Failed(V2gtpHeaderError.Truncated);
        }

        ReleasePreviousFrame();
        while (true)
        {
            var read = await _reader.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            var outcome = TryTakeFrame(buffer, out var result, out var frameEnd);
            switch (outcome)
            {
                case FrameOutcome.Complete:
                    _pendingConsumed = frameEnd;
                    return result;
                case FrameOutcome.Invalid:
                    _faulted = true;
                    _reader.AdvanceTo(buffer.Start, buffer.End);
                    return result;
            }

            // Incomplete: keep everything, ask for more.
            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (read.IsCompleted || read.IsCanceled)
            {
                _faulted = true;
                return buffer.IsEmpty && read.IsCompleted
                    ? V2gtpReadResult.EndOfStream
                    : V2gtpReadResult.Failed(V2gtpHeaderError.Truncated);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleasePreviousFrame();
        await _reader.CompleteAsync();
    }

    private void ReleasePreviousFrame()
    {
        if (_pendingConsumed is { } consumed)
        {
            _pendingConsumed = null;
            _reader.AdvanceTo(consumed);
        }
    }

    private FrameOutcome TryTakeFrame(ReadOnlySequence<byte> buffer, out V2gtpReadResult result, out SequencePosition frameEnd)
    {
        result = default;
        frameEnd = default;
        if (buffer.Length < V2gtpHeader.Size)
        {
            // Reject a wrong version byte as soon as it arrives instead of waiting for 8 bytes.
            if (!buffer.IsEmpty && EarlyVersionError(buffer) is { } early)
            {
                result = V2gtpReadResult.Failed(early);
                return FrameOutcome.Invalid;
            }

            return FrameOutcome.Incomplete;
        }

        Span<byte> headerBytes = stackalloc byte[V2gtpHeader.Size];
        buffer.Slice(0, V2gtpHeader.Size).CopyTo(headerBytes);
        var error = V2gtpHeader.TryParse(headerBytes, _maxPayloadLength, out var header);
        if (error != V2gtpHeaderError.None)
        {
            result = V2gtpReadResult.Failed(error);
            return FrameOutcome.Invalid;
        }

        var frameLength = V2gtpHeader.Size + (long)header.PayloadLength;
        if (buffer.Length < frameLength)
        {
            return FrameOutcome.Incomplete;
        }

        var payload = buffer.Slice(V2gtpHeader.Size, header.PayloadLength);
        frameEnd = payload.End;
        result = V2gtpReadResult.Received(new V2gtpMessage(header.PayloadType, Contiguous(payload)));
        return FrameOutcome.Complete;
    }

    private ReadOnlyMemory<byte> Contiguous(ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
        {
            return payload.First;
        }

        var length = (int)payload.Length;
        if (_scratch.Length < length)
        {
            _scratch = new byte[Math.Max(length, 2 * _scratch.Length)];
        }

        payload.CopyTo(_scratch);
        return _scratch.AsMemory(0, length);
    }

    private static V2gtpHeaderError? EarlyVersionError(ReadOnlySequence<byte> buffer)
    {
        var first = buffer.FirstSpan;
        if (first[0] != V2gtpHeader.ProtocolVersion)
        {
            return V2gtpHeaderError.UnsupportedVersion;
        }

        if (buffer.Length >= 2)
        {
            var second = first.Length >= 2 ? first[1] : buffer.Slice(1, 1).FirstSpan[0];
            if (second != V2gtpHeader.InverseProtocolVersion)
            {
                return V2gtpHeaderError.InverseVersionMismatch;
            }
        }

        return null;
    }

    private enum FrameOutcome
    {
        Incomplete,
        Complete,
        Invalid,
    }
}
