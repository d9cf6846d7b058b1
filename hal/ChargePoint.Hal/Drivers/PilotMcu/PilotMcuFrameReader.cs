namespace ChargePoint.Hal.Drivers.PilotMcu;

/// <summary>
/// Reassembles frames from a byte stream: scans for the start byte, checks version, length and CRC, and on any
/// error drops the start byte and resynchronises on the next one. Not thread-safe.
/// </summary>
public sealed class PilotMcuFrameReader
{
    private readonly List<byte> _buffer = [];

    public int DiscardedFrames { get; private set; }

    /// <summary>Adds received bytes and returns every complete, valid frame.</summary>
    public IReadOnlyList<PilotMcuFrame> Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            _buffer.Add(b);
        }

        var frames = new List<PilotMcuFrame>();
        while (true)
        {
            var start = _buffer.IndexOf(PilotMcuFrame.StartOfFrame);
            if (start < 0)
            {
                _buffer.Clear();
                return frames;
            }

            _buffer.RemoveRange(0, start);
            if (_buffer.Count < 5)
            {
                return frames;
            }

            var length = _buffer[4];
            if (_buffer[1] != PilotMcuFrame.Version || length > PilotMcuFrame.MaxPayload)
            {
                Discard();
                continue;
            }

            var total = PilotMcuFrame.Overhead + length;
            if (_buffer.Count < total)
            {
                return frames;
            }

            var frame = _buffer.GetRange(0, total).ToArray();
            var crc = (ushort)((frame[^2] << 8) | frame[^1]);
            if (Crc16Ccitt.Compute(frame.AsSpan(1, 4 + length)) != crc)
            {
                Discard();
                continue;
            }

            _buffer.RemoveRange(0, total);
            frames.Add(new PilotMcuFrame(frame[2], frame[3], frame.AsSpan(5, length).ToArray()));
        }
    }

    private void Discard()
    {
        DiscardedFrames++;
        _buffer.RemoveAt(0);
    }
}
