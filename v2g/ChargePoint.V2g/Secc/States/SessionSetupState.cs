using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>SessionSetup: a new session, or the resume of a paused one when the EV presents the old SessionID
/// (and is the same EVCCID): OK_OldSessionJoined.</summary>
public static class SessionSetupHandler
{
    public static SessionSetupResType Handle(SessionSetupReqType request, ISessionView session, bool resumed) => new()
    {
        ResponseCode = resumed ? responseCodeType.OK_OldSessionJoined : responseCodeType.OK_NewSessionEstablished,
        EVSEID = session.Options.EvseId,
    };
}

public sealed class SessionSetupState : ISeccState
{
    public static SessionSetupState Instance { get; } = new();

    public string Name => "SessionSetup";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        if (request is not SessionSetupReqType setup)
        {
            return SeccSteps.SequenceError(request, this);
        }

        var paused = environment.Paused.TakeMatching(setup.Header.SessionID, setup.EVCCID);
        session.EvccId = setup.EVCCID;
        if (paused is not null && paused.Protocol == session.Protocol)
        {
            session.SessionId = paused.SessionId;
            session.Service = paused.Service;
            session.ControlMode = paused.ControlMode;
            session.ParameterSetId = paused.ParameterSetId;
            session.Needs = paused.Needs;
            return new SeccStep(SessionSetupHandler.Handle(setup, session, resumed: true), ResumedState.Instance, SeccSessionState.Resumed);
        }

        session.SessionId = environment.NewSessionId();
        return new SeccStep(SessionSetupHandler.Handle(setup, session, resumed: false), AuthorizationSetupState.Instance, SeccSessionState.SessionEstablished);
    }
}

/// <summary>After OK_OldSessionJoined the EV may authorize again or go straight to ChargeParameterDiscovery
/// with the services chosen before the pause ([V2G20-1032] as cited in the notes).</summary>
public sealed class ResumedState : ISeccState
{
    public static ResumedState Instance { get; } = new();

    public string Name => "Resumed";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment) => request switch
    {
        AuthorizationSetupReqType => AuthorizationSetupState.Instance.Handle(request, session, environment),
        _ => ChargeParameterDiscoveryState.Instance.Handle(request, session, environment),
    };
}
