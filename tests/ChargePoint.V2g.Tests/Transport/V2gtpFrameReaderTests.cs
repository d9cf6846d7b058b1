using System.IO.Pipelines;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.Transport;

public sealed class V2gtpFrameReaderTests
{
    private static readonly byte[] SmallPayload = [0x80, 0x98, 0x02, 0x10, 0x50, 0x90];

    [Fact]
    public async Task Reads_back_to_back_frames_from_one_buffer()
    {
        var bytes = Concat(
            V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, SmallPayload)),
            V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.CommonMessages, new byte[] { 1, 2, 3 })));
        await using var reader = new V2gtpFrameReader(new MemoryStream(bytes), 1024);

        var first = await reader.ReadAsync();
        Assert.Equal(V2gtpReadStatus.Message, first.Status);
        Assert.Equal((ushort)V2gtpPayloadType.SapOrLegacyExi, first.Message.PayloadType);
        Assert.Equal(SmallPayload, first.Message.Payload.ToArray());

        var second = await reader.ReadAsync();
        Assert.Equal((ushort)V2gtpPayloadType.CommonMessages, second.Message.PayloadType);
        Assert.Equal(new byte[] { 1, 2, 3 }, second.Message.Payload.ToArray());

        Assert.Equal(V2gtpReadStatus.EndOfStream, (await reader.ReadAsync()).Status);
    }

    [Fact]
    public async Task Reassembles_a_frame_written_one_byte_at_a_time()
    {
        var pipe = new Pipe();
        var payload = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        var frame = V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.DcMessages, payload));
        var writing = Task.Run(async () =>
        {
            foreach (var b in frame)
            {
                await pipe.Writer.WriteAsync(new[] { b });
                await Task.Yield();
            }

            await pipe.Writer.CompleteAsync();
        });
        await using var reader = new V2gtpFrameReader(pipe.Reader, 1024);

        var result = await reader.ReadAsync();
        await writing;

        Assert.Equal(V2gtpReadStatus.Message, result.Status);
        Assert.Equal(payload, result.Message.Payload.ToArray());
        Assert.Equal(V2gtpReadStatus.EndOfStream, (await reader.ReadAsync()).Status);
    }

    [Fact]
    public async Task Payload_spanning_many_buffer_segments_arrives_intact()
    {
        var payload = new byte[20_000];
        new Random(7).NextBytes(payload);
        var frame = V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.CommonMessages, payload));
        await using var reader = new V2gtpFrameReader(new ChunkedStream(frame, chunk: 1000), 64 * 1024);

        var result = await reader.ReadAsync();

        Assert.Equal(payload, result.Message.Payload.ToArray());
    }

    [Fact]
    public async Task Oversized_length_is_rejected_from_the_header_alone()
    {
        // Header announces 1 MiB but no payload follows: the reader must not wait for it.
        byte[] header = [0x01, 0xFE, 0x80, 0x02, 0x00, 0x10, 0x00, 0x00];
        await using var reader = new V2gtpFrameReader(new NeverEndingStream(header), 64 * 1024);

        var result = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(V2gtpReadStatus.FramingError, result.Status);
        Assert.Equal(V2gtpHeaderError.PayloadTooLong, result.Error);
    }

    [Fact]
    public async Task Bad_version_byte_is_rejected_as_soon_as_it_arrives()
    {
        await using var reader = new V2gtpFrameReader(new NeverEndingStream([0x02]), 1024);

        var result = await reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(V2gtpHeaderError.UnsupportedVersion, result.Error);
    }

    [Fact]
    public async Task Wrong_inverse_version_is_rejected()
    {
        byte[] bytes = [0x01, 0x01, 0x80, 0x02, 0x00, 0x00, 0x00, 0x00];
        await using var reader = new V2gtpFrameReader(new MemoryStream(bytes), 1024);

        var result = await reader.ReadAsync();

        Assert.Equal(V2gtpHeaderError.InverseVersionMismatch, result.Error);
    }

    [Fact]
    public async Task Stream_ending_inside_a_frame_is_a_truncation_and_the_reader_stays_failed()
    {
        var frame = V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.CommonMessages, SmallPayload));
        await using var reader = new V2gtpFrameReader(new MemoryStream(frame[..^2]), 1024);

        var result = await reader.ReadAsync();

        Assert.Equal(V2gtpReadStatus.FramingError, result.Status);
        Assert.Equal(V2gtpHeaderError.Truncated, result.Error);
        Assert.Equal(V2gtpReadStatus.FramingError, (await reader.ReadAsync()).Status);
    }

    [Fact]
    public async Task Stream_ending_inside_a_header_is_a_truncation()
    {
        await using var reader = new V2gtpFrameReader(new MemoryStream([0x01, 0xFE, 0x80]), 1024);

        Assert.Equal(V2gtpHeaderError.Truncated, (await reader.ReadAsync()).Error);
    }

    [Fact]
    public async Task Empty_payload_is_a_valid_frame()
    {
        var frame = V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.CommonMessages, ReadOnlyMemory<byte>.Empty));
        await using var reader = new V2gtpFrameReader(new MemoryStream(frame), 1024);

        var result = await reader.ReadAsync();

        Assert.Equal(V2gtpReadStatus.Message, result.Status);
        Assert.True(result.Message.Payload.IsEmpty);
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

    /// <summary>Returns at most <c>chunk</c> bytes per read, like TCP segments.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    /// <summary>Delivers <c>prefix</c>, then blocks forever (a peer that stalls mid-frame).</summary>
    private sealed class NeverEndingStream(byte[] prefix) : MemoryStream(prefix)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                return read;
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }
}
