using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>ScheduleExchange (loops while Ongoing). Then DC goes to CableCheck, AC to PowerDelivery; after a
/// schedule renegotiation both go straight back to PowerDelivery.</summary>
public sealed class ScheduleExchangeState(bool renegotiation) : ISeccState
{
    public string Name => renegotiation ? "ScheduleExchange (renegotiation)" : "ScheduleExchange";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        if (request is not ScheduleExchangeReqType exchange)
        {
            return SeccSteps.SequenceError(request, this);
        }

        var (response, needs, tupleId) = ScheduleExchangeHandler.Handle(exchange, session, environment.Control.Snapshot);
        if (response.ResponseCode >= responseCodeType.FAILED)
        {
            return new SeccStep(response, this, SeccSessionState.Failed);
        }

        session.Needs = needs;
        if (response.EVSEProcessing == processingType.Ongoing)
        {
            session.OngoingSince ??= session.Now;
            return new SeccStep(response, this);
        }

        session.OngoingSince = null;
        session.OfferedScheduleTupleId = tupleId ?? session.OfferedScheduleTupleId;
        environment.Feedback.OnEvChargingNeeds(needs);
        ISeccState next = renegotiation || session.Service?.IsDc() != true ? PowerDeliveryState.Instance : CableCheckState.Instance;
        return new SeccStep(response, next);
    }
}
