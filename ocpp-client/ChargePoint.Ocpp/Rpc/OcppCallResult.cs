using ChargePoint.Ocpp.Json;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>Why a CALL did not produce a usable answer.</summary>
public enum OcppCallFailure
{
    /// <summary>The CSMS answered with CALLERROR.</summary>
    CallError,

    /// <summary>No answer within MessageTimeout.</summary>
    Timeout,

    /// <summary>Not connected, or the connection dropped before the answer came.</summary>
    NotConnected,

    /// <summary>The CSMS answered with a CALLRESULT that breaks the response schema.</summary>
    InvalidResponse,
}

/// <summary>The outcome of a CALL as a value: the response, or the failure with the CSMS's error code and text.</summary>
public sealed record OcppCallResult<TResponse>(TResponse? Response, OcppCallFailure? Failure, OcppErrorCode? ErrorCode, string? ErrorDescription)
{
    public bool IsSuccess => Failure is null;

    public override string ToString() => IsSuccess ? $"OK {Response}" : $"{Failure} {ErrorCode} {ErrorDescription}";
}

/// <summary>Factories for <see cref="OcppCallResult{TResponse}"/>.</summary>
public static class OcppCallResult
{
    public static OcppCallResult<TResponse> Success<TResponse>(TResponse response) => new(response, null, null, null);

    public static OcppCallResult<TResponse> Failed<TResponse>(OcppCallFailure failure, OcppErrorCode? code = null, string? description = null) => new(default, failure, code, description);
}
