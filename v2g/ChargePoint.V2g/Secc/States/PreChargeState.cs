using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc.States;

/// <summary>DC_PreCharge: reports the present output voltage while the firmware drives it to the EV's target.</summary>
public static class PreChargeHandler
{
    public static DC_PreChargeResType Handle(DC_PreChargeReqType request, EvseSnapshot evse) => new()
    {
        ResponseCode = responseCodeType.OK,
        EVSEPresentVoltage = Rational.From(evse.PresentVoltage),
    };
}

/// <summary>PreCharge loops until the EV says Finished; only then is PowerDelivery accepted ([V2G20-2005],
/// [V2G20-2006]); PowerDelivery after PreCharge(Ongoing) is a sequence error.</summary>
public sealed class PreChargeState : ISeccState
{
    public static PreChargeState Instance { get; } = new();

    public string Name => "PreCharge";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        switch (request)
        {
            case DC_PreChargeReqType preCharge:
                environment.Feedback.OnPreCharge(preCharge.EVTargetVoltage.ToDouble());
                session.PreChargeFinished = preCharge.EVProcessing == processingType.Finished;
                return new SeccStep(PreChargeHandler.Handle(preCharge, environment.Control.Snapshot), this, SeccSessionState.PreCharge);
            case PowerDeliveryReqType when session.PreChargeFinished:
                return PowerDeliveryState.Instance.Handle(request, session, environment);
            default:
                return SeccSteps.SequenceError(request, this);
        }
    }
}
