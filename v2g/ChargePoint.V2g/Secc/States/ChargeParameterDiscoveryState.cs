using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc.States;

/// <summary>AC or DC ChargeParameterDiscovery (the negotiated namespace decides which), then ScheduleExchange.</summary>
public sealed class ChargeParameterDiscoveryState : ISeccState
{
    public static ChargeParameterDiscoveryState Instance { get; } = new();

    public string Name => "ChargeParameterDiscovery";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        var evse = environment.Control.Snapshot;
        (V2GResponseType Response, EvChargingNeeds Needs) outcome = request switch
        {
            DC_ChargeParameterDiscoveryReqType dc when session.Protocol == AppProtocol.V2gApplicationProtocol.Iso20Dc =>
                DcChargeParameterDiscoveryHandler.Handle(dc, session, evse),
            AC_ChargeParameterDiscoveryReqType ac when session.Protocol == AppProtocol.V2gApplicationProtocol.Iso20Ac =>
                AcChargeParameterDiscoveryHandler.Handle(ac, session, evse),
            _ => (FailedResponses.For(request, responseCodeType.FAILED_SequenceError), session.Needs),
        };
        if (outcome.Response.ResponseCode >= responseCodeType.FAILED)
        {
            return new SeccStep(outcome.Response, this, SeccSessionState.Failed);
        }

        session.Needs = outcome.Needs;
        environment.Feedback.OnEvChargingNeeds(outcome.Needs);
        return new SeccStep(outcome.Response, new ScheduleExchangeState(renegotiation: false), SeccSessionState.ChargeParametersExchanged);
    }
}
