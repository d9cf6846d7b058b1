using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;

namespace ChargePoint.V2g.Secc.States;

/// <summary>AC_ChargeParameterDiscovery: BPT mode for AC_BPT, plain for AC, else FAILED_WrongChargeParameter.
/// Per-phase values (_L2/_L3) are not sent: limits are totals.</summary>
public static class AcChargeParameterDiscoveryHandler
{
    public static (AC_ChargeParameterDiscoveryResType Response, EvChargingNeeds Needs) Handle(
        AC_ChargeParameterDiscoveryReqType request, ISessionView session, EvseSnapshot evse)
    {
        var bpt = session.Service == EnergyTransferService.AcBpt;
        AC_CPDReqEnergyTransferModeType? ev = bpt ? request.BPT_AC_CPDReqEnergyTransferMode : request.AC_CPDReqEnergyTransferMode;
        if (ev is null || session.Service?.IsDc() != false)
        {
            return ((AC_ChargeParameterDiscoveryResType)FailedResponses.For(request, responseCodeType.FAILED_WrongChargeParameter), session.Needs);
        }

        var needs = session.Needs with
        {
            MaximumChargePower = ev.EVMaximumChargePower.ToDouble(),
            MinimumChargePower = ev.EVMinimumChargePower.ToDouble(),
        };
        if (request.BPT_AC_CPDReqEnergyTransferMode is { } discharge && bpt)
        {
            needs = needs with
            {
                MaximumDischargePower = discharge.EVMaximumDischargePower.Magnitude(),
                MinimumDischargePower = discharge.EVMinimumDischargePower.Magnitude(),
            };
        }

        var limits = evse.AcLimits;
        var response = new AC_ChargeParameterDiscoveryResType { ResponseCode = responseCodeType.OK };
        if (bpt)
        {
            var sign = session.DischargeSign;
            response.BPT_AC_CPDResEnergyTransferMode = Fill(new BPT_AC_CPDResEnergyTransferModeType
            {
                EVSEMaximumDischargePower = Rational.Discharge(limits.MaximumDischargePower, sign),
                EVSEMinimumDischargePower = Rational.Discharge(limits.MinimumDischargePower, sign),
            }, limits, evse);
        }
        else
        {
            response.AC_CPDResEnergyTransferMode = Fill(new AC_CPDResEnergyTransferModeType(), limits, evse);
        }

        return (response, needs);
    }

    private static T Fill<T>(T mode, AcEvseLimits limits, EvseSnapshot evse)
        where T : AC_CPDResEnergyTransferModeType
    {
        mode.EVSEMaximumChargePower = Rational.From(limits.MaximumChargePower);
        mode.EVSEMinimumChargePower = Rational.From(limits.MinimumChargePower);
        mode.EVSENominalFrequency = Rational.From(limits.NominalFrequency);
        mode.EVSEPresentActivePower = Rational.From(evse.PresentActivePower);
        return mode;
    }
}
