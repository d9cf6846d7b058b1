using System.Net;
using System.Net.Sockets;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.V2g.Tests.Transport;

/// <summary>V2GTP over real loopback TCP sockets, plain listener, raw client socket.</summary>
public sealed class V2gConnectionOverTcpTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly RecordingInspector _inspector = new();
    private V2gListener _listener = null!;

    public Task InitializeAsync()
    {
        _listener = new V2gListener(IPAddress.IPv6Loopback, 0, tls: null, maxPayloadLength: 256, NullLogger<V2gListener>.Instance, _inspector);
        _listener.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _listener.DisposeAsync();

    [Fact]
    public void Listens_on_a_dynamic_port()
    {
        Assert.True(_listener.IsListening);
        Assert.False(_listener.IsTls);
        Assert.True(DynamicPortRange.Contains(_listener.LocalEndPoint!.Port));
    }

    [Fact]
    public async Task Frames_flow_both_ways_and_are_traced()
    {
        using var client = await ConnectRawAsync();
        await using var connection = await _listener.AcceptAsync().AsTask().WaitAsync(Patience);
        Assert.False(connection.Security.IsTls);
        Assert.False(connection.Security.PermitsIso15118Part20);

        await client.SendAsync(V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, new byte[] { 0x80, 0x00 })));
        var received = await connection.ReceiveAsync().AsTask().WaitAsync(Patience);
        Assert.Equal(V2gtpReadStatus.Message, received.Status);
        Assert.Equal(new byte[] { 0x80, 0x00 }, received.Message.Payload.ToArray());

        await connection.SendAsync(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, new byte[] { 0x80, 0x40 }));
        var reply = await ReceiveExactlyAsync(client, 10);
        Assert.Equal(new byte[] { 0x01, 0xFE, 0x80, 0x01, 0, 0, 0, 2, 0x80, 0x40 }, reply);

        Assert.Equal(
            [V2gtpDirection.Received, V2gtpDirection.Sent],
            _inspector.Frames.Where(f => f.Connection == connection.Id).Select(f => f.Direction));
    }

    [Fact]
    public async Task Slow_partial_writes_are_reassembled()
    {
        using var client = await ConnectRawAsync();
        client.NoDelay = true;
        await using var connection = await _listener.AcceptAsync().AsTask().WaitAsync(Patience);
        var payload = Enumerable.Range(1, 100).Select(i => (byte)i).ToArray();
        var frame = V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.DcMessages, payload));

        var receiving = connection.ReceiveAsync().AsTask();
        for (var offset = 0; offset < frame.Length; offset += 7)
        {
            await client.SendAsync(frame.AsMemory(offset, Math.Min(7, frame.Length - offset)));
            await Task.Delay(2);
        }

        var result = await receiving.WaitAsync(Patience);
        Assert.Equal(V2gtpReadStatus.Message, result.Status);
        Assert.Equal(payload, result.Message.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0x02, 0xFE, 0x80, 0x02, 0, 0, 0, 0 }, V2gtpHeaderError.UnsupportedVersion)]
    [InlineData(new byte[] { 0x01, 0xFD, 0x80, 0x02, 0, 0, 0, 0 }, V2gtpHeaderError.InverseVersionMismatch)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x80, 0x02, 0, 0, 1, 1 }, V2gtpHeaderError.PayloadTooLong)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x90, 0x00, 0, 0, 0, 2, 0x10, 0x00 }, V2gtpHeaderError.UnknownPayloadType)]
    [InlineData(new byte[] { 0x01, 0xFE, 0x80, 0x07, 0, 0, 0, 0 }, V2gtpHeaderError.UnknownPayloadType)]
    public async Task Bad_frame_closes_the_connection(byte[] frame, V2gtpHeaderError expected)
    {
        using var client = await ConnectRawAsync();
        await using var connection = await _listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await client.SendAsync(frame);
        var result = await connection.ReceiveAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(V2gtpReadStatus.FramingError, result.Status);
        Assert.Equal(expected, result.Error);
        Assert.Contains(_inspector.Errors, e => e.Connection == connection.Id && e.Error == expected);
        Assert.Equal(0, await client.ReceiveAsync(new byte[16], SocketFlags.None).WaitAsync(Patience)); // peer sees FIN
        Assert.Equal(V2gtpReadStatus.EndOfStream, (await connection.ReceiveAsync()).Status);
    }

    [Fact]
    public async Task Truncated_frame_followed_by_close_is_a_framing_error()
    {
        using var client = await ConnectRawAsync();
        await using var connection = await _listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await client.SendAsync(new byte[] { 0x01, 0xFE, 0x80, 0x02, 0, 0, 0, 10, 1, 2, 3 });
        client.Shutdown(SocketShutdown.Send);
        var result = await connection.ReceiveAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(V2gtpHeaderError.Truncated, result.Error);
    }

    [Fact]
    public async Task Manufacturer_specific_frames_are_skipped_without_losing_sync()
    {
        using var client = await ConnectRawAsync();
        await using var connection = await _listener.AcceptAsync().AsTask().WaitAsync(Patience);

        await client.SendAsync(V2gtpFrameWriter.Encode(new V2gtpMessage(0xA123, new byte[] { 9, 9, 9 })));
        await client.SendAsync(V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.CommonMessages, new byte[] { 7 })));
        var result = await connection.ReceiveAsync().AsTask().WaitAsync(Patience);

        Assert.Equal((ushort)V2gtpPayloadType.CommonMessages, result.Message.PayloadType);
        Assert.Equal(new byte[] { 7 }, result.Message.Payload.ToArray());
    }

    [Fact]
    public async Task Peer_close_between_frames_is_end_of_stream()
    {
        var client = await ConnectRawAsync();
        await using var connection = await _listener.AcceptAsync().AsTask().WaitAsync(Patience);

        client.Dispose();
        var result = await connection.ReceiveAsync().AsTask().WaitAsync(Patience);

        Assert.Equal(V2gtpReadStatus.EndOfStream, result.Status);
    }

    [Fact]
    public async Task Local_dispose_ends_a_pending_receive()
    {
        using var client = await ConnectRawAsync();
        var connection = await _listener.AcceptAsync().AsTask().WaitAsync(Patience);

        var pending = connection.ReceiveAsync().AsTask();
        await connection.DisposeAsync();

        Assert.Equal(V2gtpReadStatus.EndOfStream, (await pending.WaitAsync(Patience)).Status);
    }

    private async Task<Socket> ConnectRawAsync()
    {
        var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(_listener.LocalEndPoint!);
        return socket;
    }

    private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int count)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read)).AsTask().WaitAsync(Patience);
            Assert.NotEqual(0, n);
            read += n;
        }

        return buffer;
    }
}
