using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>SessionStop, accepted in every state after SessionSetup: Terminate ends the session, Pause keeps it
/// for a resume, ServiceRenegotiation returns to ServiceDiscovery ([V2G20-1477]) when supported, else
/// FAILED_NoServiceRenegotiationSupported.</summary>
public static class SessionStopHandler
{
    public static SessionStopResType Handle(SessionStopReqType request, ISessionView session) => new()
    {
        ResponseCode = request.ChargingSession == chargingSessionType.ServiceRenegotiation && !session.Options.ServiceRenegotiationSupported
            ? responseCodeType.FAILED_NoServiceRenegotiationSupported
            : responseCodeType.OK,
    };
}

public static class SessionStopState
{
    public static SeccStep Handle(SessionStopReqType request, SessionContext session, SeccEnvironment environment, ISeccState current)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(environment);
        var response = SessionStopHandler.Handle(request, session);
        if (response.ResponseCode >= responseCodeType.FAILED)
        {
            return new SeccStep(response, current, SeccSessionState.Failed);
        }

        switch (request.ChargingSession)
        {
            case chargingSessionType.ServiceRenegotiation:
                session.PreChargeFinished = false;
                session.CableCheckStarted = false;
                return new SeccStep(response, ServiceDiscoveryState.Instance, SeccSessionState.SessionEstablished);
            case chargingSessionType.Pause when session.Service is not null && session.ControlMode is not null:
                return new SeccStep(response, StoppedState.Instance, SeccSessionState.Paused, SessionEnd.Pause);
            default:
                return new SeccStep(response, StoppedState.Instance, SeccSessionState.Terminated, SessionEnd.Terminate);
        }
    }
}
