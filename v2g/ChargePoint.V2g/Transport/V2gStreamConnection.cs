using System.Net;

namespace ChargePoint.V2g.Transport;

/// <summary>
/// <see cref="IV2gConnection"/> over any stream (a TCP <c>NetworkStream</c> or an authenticated
/// <c>SslStream</c>). Closes the stream on the first framing error: the V2GTP header check failing on a
/// TCP connection ends that connection, since the byte stream can no longer be resynchronised.
/// </summary>
public sealed class V2gStreamConnection : IV2gConnection
{
    private readonly Stream _stream;
    private readonly V2gtpFrameReader _reader;
    private readonly V2gtpFrameWriter _writer;
    private readonly IV2gPacketInspector? _inspector;
    private int _closed;
    private int _readInFlight;
    private int _readerCompleted;

    public V2gStreamConnection(
        string id,
        Stream stream,
        V2gTransportSecurity security,
        int maxPayloadLength,
        IV2gPacketInspector? inspector = null,
        EndPoint? localEndPoint = null,
        EndPoint? remoteEndPoint = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(security);
        Id = id;
        _stream = stream;
        Security = security;
        _inspector = inspector;
        LocalEndPoint = localEndPoint;
        RemoteEndPoint = remoteEndPoint;
        _reader = new V2gtpFrameReader(stream, maxPayloadLength);
        _writer = new V2gtpFrameWriter(stream);
    }

    public string Id { get; }

    public EndPoint? RemoteEndPoint { get; }

    public EndPoint? LocalEndPoint { get; }

    public V2gTransportSecurity Security { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    public async ValueTask<V2gtpReadResult> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        while (!IsClosed)
        {
            V2gtpReadResult result;
            Interlocked.Exchange(ref _readInFlight, 1);
            try
            {
                result = await _reader.ReadAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // Peer reset or local close while waiting: the connection is gone.
                result = V2gtpReadResult.EndOfStream;
            }
            finally
            {
                Interlocked.Exchange(ref _readInFlight, 0);
            }

            if (IsClosed)
            {
                await CompleteReaderAsync();
                return V2gtpReadResult.EndOfStream;
            }

            switch (result.Status)
            {
                case V2gtpReadStatus.EndOfStream:
                    await CloseAsync();
                    return result;
                case V2gtpReadStatus.FramingError:
                    return await FailAsync(result.Error);
            }

            var message = result.Message;
            _inspector?.OnFrame(Id, V2gtpDirection.Received, message);
            if (V2gtpPayloadTypes.IsKnownOnConnection(message.PayloadType))
            {
                return result;
            }

            if (!V2gtpPayloadTypes.IsManufacturerSpecific(message.PayloadType))
            {
                // Reserved or SDP payload types have no meaning on the V2G connection.
                return await FailAsync(V2gtpHeaderError.UnknownPayloadType);
            }

            // Manufacturer-specific frames are well framed but not ours: skip them, stay in sync.
        }

        return V2gtpReadResult.EndOfStream;
    }

    public async ValueTask SendAsync(V2gtpMessage message, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        await _writer.WriteAsync(message, cancellationToken);
        _inspector?.OnFrame(Id, V2gtpDirection.Sent, message);
    }

    public ValueTask DisposeAsync() => CloseAsync();

    private async ValueTask<V2gtpReadResult> FailAsync(V2gtpHeaderError error)
    {
        _inspector?.OnFramingError(Id, error);
        await CloseAsync();
        return V2gtpReadResult.Failed(error);
    }

    private async ValueTask CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        // Disposing the stream ends a read pending on another task; that task then completes the reader.
        await _stream.DisposeAsync();
        _writer.Dispose();
        if (Volatile.Read(ref _readInFlight) == 0)
        {
            await CompleteReaderAsync();
        }
    }

    private async ValueTask CompleteReaderAsync()
    {
        if (Interlocked.Exchange(ref _readerCompleted, 1) == 0)
        {
            await _reader.DisposeAsync();
        }
    }
}
