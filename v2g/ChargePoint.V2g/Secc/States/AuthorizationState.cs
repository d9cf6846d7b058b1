using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>
/// Authorization (EIM): Ongoing while the firmware decides, for at most the Ongoing limit (55 s). A rejection,
/// or no decision in time, is WARNING_EIMAuthorizationFailure with EVSEProcessing=Finished ([V2G20-2219]),
/// answered within 1.5 s ([V2G20-2230]) since the handler only reads the cached decision.
/// </summary>
public static class AuthorizationHandler
{
    public static AuthorizationResType Handle(AuthorizationReqType request, ISessionView session, EvseSnapshot evse)
    {
        if (request.SelectedAuthorizationService != authorizationType.EIM)
        {
            return new AuthorizationResType { ResponseCode = responseCodeType.WARNING_AuthorizationSelectionInvalid, EVSEProcessing = processingType.Finished };
        }

        return evse.Authorization switch
        {
            AuthorizationDecision.Accepted => new AuthorizationResType { ResponseCode = responseCodeType.OK, EVSEProcessing = processingType.Finished },
            AuthorizationDecision.Pending when !Ongoing.Expired(session) =>
                new AuthorizationResType { ResponseCode = responseCodeType.OK, EVSEProcessing = processingType.Ongoing },
            _ => new AuthorizationResType { ResponseCode = responseCodeType.WARNING_EIMAuthorizationFailure, EVSEProcessing = processingType.Finished },
        };
    }
}

public sealed class AuthorizationState : ISeccState
{
    public static AuthorizationState Instance { get; } = new();

    public string Name => "Authorization";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        if (request is not AuthorizationReqType authorization)
        {
            return SeccSteps.SequenceError(request, this);
        }

        if (!session.AuthorizationRequested)
        {
            session.AuthorizationRequested = true;
            environment.Feedback.OnAuthorizationRequired(session.EvccId ?? string.Empty);
        }

        var response = AuthorizationHandler.Handle(authorization, session, environment.Control.Snapshot);
        if (response.EVSEProcessing == processingType.Ongoing)
        {
            session.OngoingSince ??= session.Now;
            return new SeccStep(response, this);
        }

        session.OngoingSince = null;
        return response.ResponseCode == responseCodeType.OK
            ? new SeccStep(response, ServiceDiscoveryState.Instance)
            : new SeccStep(response, this);
    }
}
