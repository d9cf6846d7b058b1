using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc.States;

/// <summary>DC_CableCheck: Ongoing while the firmware's isolation test runs (at most the Ongoing limit), Finished
/// when it reports Valid. An isolation fault or no result in time is FAILED, which ends the session.</summary>
public static class CableCheckHandler
{
    public static DC_CableCheckResType Handle(DC_CableCheckReqType request, ISessionView session, EvseSnapshot evse) => evse.Isolation switch
    {
        IsolationStatus.Valid => new DC_CableCheckResType { ResponseCode = responseCodeType.OK, EVSEProcessing = processingType.Finished },
        IsolationStatus.Testing when !Ongoing.Expired(session) =>
            new DC_CableCheckResType { ResponseCode = responseCodeType.OK, EVSEProcessing = processingType.Ongoing },
        _ => (DC_CableCheckResType)FailedResponses.For(request, responseCodeType.FAILED),
    };
}

public sealed class CableCheckState : ISeccState
{
    public static CableCheckState Instance { get; } = new();

    public string Name => "CableCheck";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        if (request is not DC_CableCheckReqType cableCheck)
        {
            return SeccSteps.SequenceError(request, this);
        }

        if (!session.CableCheckStarted)
        {
            session.CableCheckStarted = true;
            environment.Feedback.OnCableCheckRequested();
        }

        var response = CableCheckHandler.Handle(cableCheck, session, environment.Control.Snapshot);
        if (response.ResponseCode >= responseCodeType.FAILED)
        {
            return new SeccStep(response, this, SeccSessionState.Failed);
        }

        if (response.EVSEProcessing == processingType.Ongoing)
        {
            session.OngoingSince ??= session.Now;
            return new SeccStep(response, this, SeccSessionState.CableCheck);
        }

        session.OngoingSince = null;
        return new SeccStep(response, PreChargeState.Instance);
    }
}
