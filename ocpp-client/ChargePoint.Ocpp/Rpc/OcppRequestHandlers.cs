using System.Collections.Concurrent;
using System.Text.Json;
using ChargePoint.Ocpp.Json;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>The station's handlers for CSMS-initiated CALLs, by action. Actions without a handler get NotSupported.</summary>
public sealed class OcppRequestHandlers
{
    private readonly ConcurrentDictionary<string, Func<JsonElement, CancellationToken, ValueTask<HandlerOutcome>>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Decides, per action, whether a CSMS CALL may be served now (e.g. B02: only some while Pending).
    /// A refused CALL is answered with SecurityError.</summary>
    public Func<string, bool>? Gate { get; set; }

    public void Handle<TRequest, TResponse>(Func<TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : IOcppRequest<TRequest, TResponse>
        where TResponse : IOcppMessage<TResponse>
    {
        ArgumentNullException.ThrowIfNull(handler);
        HandleWithFollowUp<TRequest, TResponse>(async (request, ct) => new OcppReply<TResponse>(await handler(request, ct).ConfigureAwait(false)));
    }

    /// <summary>Like <see cref="Handle{TRequest, TResponse}"/>, but the reply may carry work to start once the
    /// CALLRESULT is on the wire (e.g. NotifyReport after GetBaseReport, the message a TriggerMessage asks for).</summary>
    public void HandleWithFollowUp<TRequest, TResponse>(Func<TRequest, CancellationToken, ValueTask<OcppReply<TResponse>>> handler)
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

            var reply = await handler(request, ct).ConfigureAwait(false);
            return HandlerOutcome.Answered(OcppFrameWriter.CheckedPayload(reply.Response), reply.FollowUp);
        };
    }

    public bool IsHandled(string action) => _handlers.ContainsKey(action);

    internal bool TryGet(string action, out Func<JsonElement, CancellationToken, ValueTask<HandlerOutcome>> handler) =>
        _handlers.TryGetValue(action, out handler!);
}

/// <summary>A checked response payload, or the schema violations of the request.</summary>
internal readonly record struct HandlerOutcome(byte[]? Payload, OcppValidationContext? Violations, Func<CancellationToken, Task>? FollowUp)
{
    public static HandlerOutcome Answered(byte[] payload, Func<CancellationToken, Task>? followUp) => new(payload, null, followUp);

    public static HandlerOutcome Rejected(OcppValidationContext violations) => new(null, violations, null);
}

/// <summary>A handler's response plus optional work to run after the response was sent.</summary>
public readonly record struct OcppReply<TResponse>(TResponse Response, Func<CancellationToken, Task>? FollowUp = null);
