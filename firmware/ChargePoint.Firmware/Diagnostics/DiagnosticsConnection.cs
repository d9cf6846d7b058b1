using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using ChargePoint.Firmware.Contracts.Diagnostics;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>
/// One <c>cpdiag</c> client. Requests are read line by line; responses go through a small bounded queue drained
/// by a writer task, so a client that stops reading only loses its own oldest responses (and is dropped after a
/// write stalls), never holding up the station or other clients.
/// </summary>
internal sealed class DiagnosticsConnection(Socket socket, DiagnosticsDispatcher dispatcher)
{
    private const int QueueCapacity = 32;
    private static readonly TimeSpan WriteStall = TimeSpan.FromSeconds(5);
    private readonly Channel<DiagnosticsResponse> _outbox = Channel.CreateBounded<DiagnosticsResponse>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        var writer = WriteAsync(stream, closing);
        try
        {
            await ReadAsync(stream, closing.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Client gone or firmware stopping.
        }
        finally
        {
            _outbox.Writer.TryComplete();
            await writer.ConfigureAwait(false);
            await closing.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[DiagnosticsProtocol.MaxRequestBytes + 1];
        var filled = 0;
        Task? streaming = null;
        using var streamingStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return;
                }

                filled += read;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', 0, filled)) >= 0)
                {
                    var line = buffer.AsSpan(0, newline).TrimEnd((byte)'\r');
                    if (!line.IsEmpty)
                    {
                        var request = DiagnosticsDispatcher.Parse(line, out var error);
                        if (request is null)
                        {
                            await _outbox.Writer.WriteAsync(error!, cancellationToken).ConfigureAwait(false);
                        }
                        else if (streaming is not null && !streaming.IsCompleted)
                        {
                            await _outbox.Writer.WriteAsync(DiagnosticsResponse.Failure(request.Command, DiagnosticsErrors.BadRequest, "this connection is streaming `live`; open another connection."), cancellationToken).ConfigureAwait(false);
                        }
                        else if (request.Command == DiagnosticsCommands.Live)
                        {
                            // Streamed in the background so the reader sees the client's EOF and ends the stream.
                            streaming = AnswerAsync(request, streamingStop.Token);
                        }
                        else
                        {
                            // One-shot answers in request order.
                            await AnswerAsync(request, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    buffer.AsSpan(newline + 1, filled - newline - 1).CopyTo(buffer);
                    filled -= newline + 1;
                }

                if (filled > DiagnosticsProtocol.MaxRequestBytes)
                {
                    await _outbox.Writer.WriteAsync(DiagnosticsResponse.Failure(null, DiagnosticsErrors.BadRequest, $"request line longer than {DiagnosticsProtocol.MaxRequestBytes} bytes; connection closed."), cancellationToken).ConfigureAwait(false);
                    return;
                }
            }
        }
        finally
        {
            if (streaming is not null)
            {
                // EOF from a `live` client ends its stream.
                await streamingStop.CancelAsync().ConfigureAwait(false);
                await streaming.ConfigureAwait(false);
            }
        }
    }

    private async Task AnswerAsync(DiagnosticsRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var response in dispatcher.HandleAsync(request, cancellationToken).ConfigureAwait(false))
            {
                await _outbox.Writer.WriteAsync(response, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ChannelClosedException)
        {
        }
    }

    private async Task WriteAsync(NetworkStream stream, CancellationTokenSource closing)
    {
        try
        {
            await foreach (var response in _outbox.Reader.ReadAllAsync(closing.Token).ConfigureAwait(false))
            {
                using var stall = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
                stall.CancelAfter(WriteStall);
                var line = JsonSerializer.SerializeToUtf8Bytes(response, DiagnosticsJsonContext.Default.DiagnosticsResponse);
                await stream.WriteAsync(line, stall.Token).ConfigureAwait(false);
                await stream.WriteAsync("\n"u8.ToArray(), stall.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client stopped reading or left: drop it.
            await closing.CancelAsync().ConfigureAwait(false);
        }
    }
}
