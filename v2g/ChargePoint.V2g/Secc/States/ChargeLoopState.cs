using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc.States;

/// <summary>The AC/DC charge loop: ChargeLoopReq repeats (0.25 s to answer, 0.5 s sequence timeout after each
/// response); PowerDelivery Stop / ScheduleRenegotiation / Standby leaves it.</summary>
public sealed class ChargeLoopState : ISeccState
{
    public static ChargeLoopState Instance { get; } = new();

    public string Name => "ChargeLoop";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        var evse = environment.Control.Snapshot;
        (V2GResponseType Response, EvChargingNeeds Needs, EvLoopStatus Status) outcome;
        switch (request)
        {
            case DC_ChargeLoopReqType dc when session.Service?.IsDc() == true:
                outcome = DcChargeLoopHandler.Handle(dc, session, evse);
                break;
            case AC_ChargeLoopReqType ac when session.Service?.IsDc() == false:
                outcome = AcChargeLoopHandler.Handle(ac, session, evse);
                break;
            case PowerDeliveryReqType delivery:
                return PowerDeliveryState.Apply(delivery, session, environment);
            default:
                return SeccSteps.SequenceError(request, this);
        }

        if (outcome.Response.ResponseCode >= responseCodeType.FAILED)
        {
            return new SeccStep(outcome.Response, this, SeccSessionState.Failed);
        }

        var changed = session.ControlMode == ControlMode.Dynamic && outcome.Needs != session.Needs;
        session.Needs = outcome.Needs;
        if (changed)
        {
            environment.Feedback.OnEvChargingNeeds(outcome.Needs);
        }

        environment.Feedback.OnChargeLoop(outcome.Status);
        return new SeccStep(outcome.Response, this);
    }
}
