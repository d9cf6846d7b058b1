using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Rpc;

namespace ChargePoint.Simulators.Csms;

/// <summary>Answers one station CALL: the response payload, or the schema violation that makes it a CALLERROR.</summary>
public delegate (byte[]? Payload, OcppViolation? Violation) CsmsCallHandler(CsmsConnection connection, JsonElement payload);

/// <summary>
/// One station's OCPP-J link at the simulated CSMS: reads frames, answers the station's CALLs through the
/// registered handlers (payloads validated both ways with the schema-generated validators; a bad payload gets
/// the CALLERROR its first violation names, an unknown action NotImplemented) and makes the CSMS's own CALLs.
/// </summary>
public sealed class CsmsConnection(WebSocket socket, string stationId, IReadOnlyDictionary<string, CsmsCallHandler> handlers) : IDisposable
{
    /// <summary>Larger frames are refused.</summary>
    public const int MaxFrameBytes = 256 * 1024;

    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement?>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _send = new(1, 1);
    private int _nextId;

    public string StationId { get; } = stationId;

    /// <summary>Every action the station sent, in order (what the simulation's CSMS saw).</summary>
    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>Makes a CSMS-initiated CALL and returns the station's validated response, or null (CALLERROR,
    /// schema violation, timeout or closed link).</summary>
    public async Task<TResponse?> CallAsync<TRequest, TResponse>(TRequest request, CancellationToken cancellationToken)
        where TRequest : IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppMessage<TResponse>
    {
        var id = "csms-" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = new TaskCompletionSource<JsonElement?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        try
        {
            await SendAsync(OcppFrameWriter.Call(id, TRequest.MessageAction, OcppFrameWriter.CheckedPayload(request)), cancellationToken).ConfigureAwait(false);
            var payload = await answer.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            return payload is { } p && OcppPayloadCodec.TryRead<TResponse>(p, new OcppValidationContext(), out var response) ? response : null;
        }
        catch (Exception ex) when (ex is TimeoutException or WebSocketException)
        {
            return null;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public void Dispose() => _send.Dispose();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxFrameBytes];
        while (socket.State == WebSocketState.Open && !cancellationToken.IsCancellationRequested)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                if (length == buffer.Length)
                {
                    await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, "frame too large", cancellationToken).ConfigureAwait(false);
                    return;
                }

                result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                length += result.Count;
            }
            while (!result.EndOfMessage);

            await OnFrameAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task OnFrameAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            await SendAsync(OcppFrameWriter.CallError("-1", OcppErrorCode.RpcFrameworkError, "invalid JSON"), cancellationToken).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            if (!OcppInboundFrame.TryParse(document.RootElement, out var inbound, out var error))
            {
                await SendAsync(OcppFrameWriter.CallError(error!.Value.MessageId, error.Value.Code, error.Value.Description), cancellationToken).ConfigureAwait(false);
                return;
            }

            switch (inbound.Type)
            {
                case OcppMessageType.Call:
                    Received.Enqueue(inbound.Action!);
                    await SendAsync(Answer(inbound), cancellationToken).ConfigureAwait(false);
                    break;
                case OcppMessageType.CallResult when _pending.TryGetValue(inbound.MessageId, out var waiting):
                    waiting.TrySetResult(inbound.Payload.Clone());
                    break;
                case OcppMessageType.CallError or OcppMessageType.CallResultError when _pending.TryGetValue(inbound.MessageId, out var failed):
                    failed.TrySetResult(null);
                    break;
                default:
                    break; // SEND frames and responses to unknown ids need no answer.
            }
        }
    }

    private byte[] Answer(OcppInboundFrame call)
    {
        if (!handlers.TryGetValue(call.Action!, out var handle))
        {
            return OcppFrameWriter.CallError(call.MessageId, OcppErrorCode.NotImplemented, $"{call.Action} is not served by the simulated CSMS");
        }

        var (payload, violation) = handle(this, call.Payload);
        return payload is not null
            ? OcppFrameWriter.CallResult(call.MessageId, payload)
            : OcppFrameWriter.CallError(call.MessageId, violation!.Value.Code, violation.Value.ToString());
    }

    private async Task SendAsync(byte[] frame, CancellationToken cancellationToken)
    {
        await _send.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _send.Release();
        }
    }
}
