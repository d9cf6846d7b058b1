using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using ChargePoint.Ocpp.Json;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>One open WebSocket: serialised sends and a receive loop that enforces the maximum frame size.</summary>
internal sealed partial class OcppLink : IAsyncDisposable
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly int _maxFrameBytes;
    private readonly ILogger _logger;

    public OcppLink(ClientWebSocket socket, int maxFrameBytes, ILogger logger)
    {
        Socket = socket;
        _maxFrameBytes = maxFrameBytes;
        _logger = logger;
    }

    public ClientWebSocket Socket { get; }

    /// <summary>Optional diagnostics tap (<see cref="OcppRpcOptions.FrameObserver"/>).</summary>
    public IOcppFrameObserver? Observer { get; init; }

    public async Task<bool> SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Socket.State != WebSocketState.Open)
            {
                return false;
            }

            await Socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            Observer?.OnFrame(OcppFrameDirection.Sent, frame);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The link closing under a send (disposal, reconnect) is a failed send, not an error of the caller.
            LogSendFailed(ex.Message);
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Starts the closing handshake (RFC 6455 §7.1.2) with 1000 Normal Closure, so the CSMS sees the station leave
    /// on purpose rather than a lost connection (1006). The receive loop ends when the CSMS answers the close.
    /// </summary>
    public async Task CloseAsync(string reason, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, reason, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Receives frames until the socket closes; envelope errors are answered here, good frames go to <paramref name="onFrame"/>.</summary>
    public async Task ReceiveLoopAsync(Func<OcppInboundFrame, ValueTask> onFrame, CancellationToken cancellationToken)
    {
        var chunk = new byte[16 * 1024];
        var message = new ArrayBufferWriter<byte>(16 * 1024);
        // After our own close has gone out (CloseSent), keep reading until the CSMS's answer ends the handshake.
        while (Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            message.ResetWrittenCount();
            var oversized = false;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await Socket.ReceiveAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // The CSMS closed, or answered our own close (then there is nothing left to send).
                    if (Socket.State == WebSocketState.CloseReceived)
                    {
                        await Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                    }

                    return;
                }

                if (message.WrittenCount + result.Count > _maxFrameBytes)
                {
                    // Keep only a prefix (enough to read the message id) and drain the rest.
                    oversized = true;
                }

                if (!oversized || message.WrittenCount < 256)
                {
                    chunk.AsSpan(0, Math.Min(result.Count, oversized ? 256 : result.Count)).CopyTo(message.GetSpan(result.Count));
                    message.Advance(Math.Min(result.Count, oversized ? 256 : result.Count));
                }
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Binary)
            {
                LogBinaryFrame();
                continue;
            }

            if (oversized)
            {
                var id = PeekMessageId(message.WrittenSpan);
                LogOversized(_maxFrameBytes, id);
                if (id is not null)
                {
                    await SendAsync(OcppFrameWriter.CallError(id, OcppErrorCode.FormatViolation, $"frame exceeds {_maxFrameBytes} bytes"), cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            Observer?.OnFrame(OcppFrameDirection.Received, message.WrittenSpan);
            await HandleTextAsync(message.WrittenMemory, onFrame, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                Socket.Abort();
            }
        }

        // _sendLock is not disposed: a send still in flight while the link closes must be able to release it
        // (SemaphoreSlim holds no OS handle unless AvailableWaitHandle is used, and it is not).
    }

    private async Task HandleTextAsync(ReadOnlyMemory<byte> text, Func<OcppInboundFrame, ValueTask> onFrame, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            // Not JSON at all: no message id can be trusted, so the CALLERROR carries "-1".
            LogBadJson(ex.Message);
            await SendAsync(OcppFrameWriter.CallError(PeekMessageId(text.Span) ?? "-1", OcppErrorCode.RpcFrameworkError, "frame is not valid JSON"), cancellationToken).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            if (!OcppInboundFrame.TryParse(document.RootElement, out var frame, out var error))
            {
                LogBadEnvelope(error!.Value.Code, error.Value.Description);
                var isResponse = document.RootElement.ValueKind == JsonValueKind.Array && document.RootElement.GetArrayLength() > 0
                    && document.RootElement[0].ValueKind == JsonValueKind.Number && document.RootElement[0].TryGetInt32(out var t) && t is 3 or 4 or 5;
                if (!isResponse)
                {
                    // Responses are never answered (that could loop); CALLs and unknown types are.
                    await SendAsync(OcppFrameWriter.CallError(error.Value.MessageId, error.Value.Code, error.Value.Description), cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            await onFrame(frame).ConfigureAwait(false);
        }
    }

    /// <summary>Reads "[type, "id"" from the start of a frame, tolerating a truncated or broken remainder.</summary>
    private static string? PeekMessageId(ReadOnlySpan<byte> prefix)
    {
        try
        {
            var reader = new Utf8JsonReader(prefix, isFinalBlock: false, default);
            if (reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.Number
                && reader.TryGetInt32(out var type) && type is 2 or 6 && reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                var id = reader.GetString();
                return id is { Length: > 0 and <= OcppInboundFrame.MaxMessageIdLength } ? id : null;
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending to CSMS failed: {Reason}")]
    private partial void LogSendFailed(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a binary WebSocket frame (OCPP-J uses text frames)")]
    private partial void LogBinaryFrame();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a frame larger than {Max} bytes (message id {MessageId})")]
    private partial void LogOversized(int max, string? messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Received a frame that is not JSON: {Reason}")]
    private partial void LogBadJson(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Received a malformed frame: {Code} {Description}")]
    private partial void LogBadEnvelope(OcppErrorCode code, string description);
}
