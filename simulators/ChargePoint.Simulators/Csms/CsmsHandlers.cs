using System.Text.Json;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Rpc;

namespace ChargePoint.Simulators.Csms;

/// <summary>Builds the action → handler table of the simulated CSMS from typed handlers: each station payload is
/// validated and read with the generated code, each answer validated before it is sent.</summary>
public sealed class CsmsHandlers
{
    private readonly Dictionary<string, CsmsCallHandler> _table = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CsmsCallHandler> Table => _table;

    public CsmsHandlers On<TRequest, TResponse>(Func<CsmsConnection, TRequest, TResponse> handle)
        where TRequest : IOcppRequest<TRequest, TResponse>
        where TResponse : IOcppMessage<TResponse>
    {
        _table[TRequest.MessageAction] = (connection, payload) => Answer(connection, payload, handle);
        return this;
    }

    private static (byte[]? Payload, OcppViolation? Violation) Answer<TRequest, TResponse>(CsmsConnection connection, JsonElement payload, Func<CsmsConnection, TRequest, TResponse> handle)
        where TRequest : IOcppRequest<TRequest, TResponse>
        where TResponse : IOcppMessage<TResponse>
    {
        var context = new OcppValidationContext();
        return OcppPayloadCodec.TryRead<TRequest>(payload, context, out var request)
            ? (OcppFrameWriter.CheckedPayload(handle(connection, request)), null)
            : (null, context.First);
    }
}
