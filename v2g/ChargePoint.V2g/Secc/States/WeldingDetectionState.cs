using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc.States;

/// <summary>DC_WeldingDetection: reports the present voltage at the inlet (contactors opened by the firmware).</summary>
public static class WeldingDetectionHandler
{
    public static DC_WeldingDetectionResType Handle(DC_WeldingDetectionReqType request, EvseSnapshot evse) => new()
    {
        ResponseCode = responseCodeType.OK,
        EVSEPresentVoltage = Rational.From(evse.PresentVoltage),
    };
}

public sealed class WeldingDetectionState : ISeccState
{
    public static WeldingDetectionState Instance { get; } = new();

    public string Name => "WeldingDetection";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        if (request is not DC_WeldingDetectionReqType welding)
        {
            return SeccSteps.SequenceError(request, this);
        }

        return new SeccStep(WeldingDetectionHandler.Handle(welding, environment.Control.Snapshot), this, SeccSessionState.WeldingDetection);
    }
}
