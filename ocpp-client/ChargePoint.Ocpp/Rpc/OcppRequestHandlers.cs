using System.Collections.Concurrent;
using System.Text.Json;
using ChargePoint.Ocpp.Json;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>The station's handlers for CSMS-initiated CALLs, by action. Actions without a handler get NotSupported.</summary>
public sealed class OcppRequestHandlers
{
    private readonly ConcurrentDictionary<string, Func<JsonElement, CancellationToken, ValueTask<HandlerOutcome>>> _handlers = new(StringComparer.Ordinal);

    public void Handle<TRequest, TResponse>(Func<TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : IOcppRequest<TRequest, TResponse>
        where TResponse : IOcppMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[TRequest.MessageAction] = async (payload, ct) =>
        {
            var context = new OcppValidationContext();
            if (!OcppPayloadCodec.TryRead<TRequest>(payload, context, out var request))
            {
                return HandlerOutcome.Rejected(context);
            }

            var response = await handler(request, ct).ConfigureAwait(false);
            return HandlerOutcome.Answered(OcppFrameWriter.CheckedPayload(response));
        };
    }

    public bool IsHandled(string action) => _handlers.ContainsKey(action);

    internal bool TryGet(string action, out Func<JsonElement, CancellationToken, ValueTask<HandlerOutcome>> handler) =>
        _handlers.TryGetValue(action, out handler!);
}

/// <summary>A checked response payload, or the schema violations of the request.</summary>
internal readonly record struct HandlerOutcome(byte[]? Payload, OcppValidationContext? Violations)
{
    public static HandlerOutcome Answered(byte[] payload) => new(payload, null);

    public static HandlerOutcome Rejected(OcppValidationContext violations) => new(null, violations);
}
