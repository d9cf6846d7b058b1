using System.Text.Json;
using ChargePoint.Ocpp.Json;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>The single outstanding CALL, completed by the receive loop.</summary>
internal interface IPendingCall
{
    string MessageId { get; }

    string Action { get; }

    /// <summary>Validates and reads the CALLRESULT payload; returns the first violation when it is invalid.</summary>
    OcppViolation? Complete(JsonElement payload);

    void Fail(OcppCallFailure failure, OcppErrorCode? code, string? description);
}

internal sealed class PendingCall<TResponse> : IPendingCall
    where TResponse : IOcppMessage<TResponse>
{
    private readonly TaskCompletionSource<OcppCallResult<TResponse>> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PendingCall(string messageId, string action)
    {
        MessageId = messageId;
        Action = action;
    }

    public string MessageId { get; }

    public string Action { get; }

    public Task<OcppCallResult<TResponse>> Task => _completion.Task;

    public OcppViolation? Complete(JsonElement payload)
    {
        var context = new OcppValidationContext();
        if (OcppPayloadCodec.TryRead<TResponse>(payload, context, out var response))
        {
            _completion.TrySetResult(OcppCallResult.Success(response));
            return null;
        }

        _completion.TrySetResult(OcppCallResult.Failed<TResponse>(OcppCallFailure.InvalidResponse, context.First!.Value.Code, context.ToString()));
        return context.First;
    }

    public void Fail(OcppCallFailure failure, OcppErrorCode? code, string? description) =>
        _completion.TrySetResult(OcppCallResult.Failed<TResponse>(failure, code, description));
}
