using ChargePoint.V2g.Exi.Iso20;

namespace ChargePoint.V2g.Secc;

/// <summary>How a session ends after the response of a step has been sent.</summary>
public enum SessionEnd
{
    None,
    Terminate,
    Pause,
}

/// <summary>Result of one request: the response, the next state, and what to report.</summary>
public sealed record SeccStep(V2GResponseType Response, ISeccState Next, SeccSessionState? Reported = null, SessionEnd End = SessionEnd.None)
{
    /// <summary>Any FAILED* response ends a -20 session.</summary>
    public bool IsFailed => Response.ResponseCode >= responseCodeType.FAILED;
}

/// <summary>A state of the -20 session: accepts the requests valid in it and picks the transition.</summary>
public interface ISeccState
{
    string Name { get; }

    SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment);
}

internal static class SeccSteps
{
    /// <summary>FAILED_SequenceError for a request not valid in <paramref name="state"/> ([V2G20-459]).</summary>
    public static SeccStep SequenceError(V2GRequestType request, ISeccState state) =>
        new(FailedResponses.For(request, responseCodeType.FAILED_SequenceError), state, SeccSessionState.Failed);

    public static SeccStep Failed(V2GRequestType request, responseCodeType code, ISeccState state) =>
        new(FailedResponses.For(request, code), state, SeccSessionState.Failed);
}
