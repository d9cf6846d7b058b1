using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc.States;

/// <summary>
/// DC_ChargeParameterDiscovery: the EV's energy transfer mode must match the selected service (BPT for DC_BPT,
/// plain for DC) and its voltage window must overlap ours, else FAILED_WrongChargeParameter. Discharge limits
/// from the EV are taken as magnitudes; ours go out with the vehicle's configured sign.
/// </summary>
public static class DcChargeParameterDiscoveryHandler
{
    public static (DC_ChargeParameterDiscoveryResType Response, EvChargingNeeds Needs) Handle(
        DC_ChargeParameterDiscoveryReqType request, ISessionView session, EvseSnapshot evse)
    {
        var bpt = session.Service == EnergyTransferService.DcBpt;
        DC_CPDReqEnergyTransferModeType? ev = bpt ? request.BPT_DC_CPDReqEnergyTransferMode : request.DC_CPDReqEnergyTransferMode;
        var limits = evse.DcLimits;
        if (ev is null || session.Service?.IsDc() != true
            || ev.EVMaximumVoltage.ToDouble() < limits.MinimumVoltage || ev.EVMinimumVoltage.ToDouble() > limits.MaximumVoltage)
        {
            return ((DC_ChargeParameterDiscoveryResType)FailedResponses.For(request, responseCodeType.FAILED_WrongChargeParameter), session.Needs);
        }

        var needs = session.Needs with
        {
            MaximumChargePower = ev.EVMaximumChargePower.ToDouble(),
            MinimumChargePower = ev.EVMinimumChargePower.ToDouble(),
            MaximumChargeCurrent = ev.EVMaximumChargeCurrent.ToDouble(),
            MinimumChargeCurrent = ev.EVMinimumChargeCurrent.ToDouble(),
            MaximumVoltage = ev.EVMaximumVoltage.ToDouble(),
            MinimumVoltage = ev.EVMinimumVoltage.ToDouble(),
            TargetSoc = ev.TargetSOC ?? session.Needs.TargetSoc,
        };
        if (request.BPT_DC_CPDReqEnergyTransferMode is { } discharge && bpt)
        {
            needs = needs with
            {
                MaximumDischargePower = discharge.EVMaximumDischargePower.Magnitude(),
                MinimumDischargePower = discharge.EVMinimumDischargePower.Magnitude(),
                MaximumDischargeCurrent = discharge.EVMaximumDischargeCurrent.Magnitude(),
                MinimumDischargeCurrent = discharge.EVMinimumDischargeCurrent.Magnitude(),
            };
        }

        var response = new DC_ChargeParameterDiscoveryResType { ResponseCode = responseCodeType.OK };
        if (bpt)
        {
            var sign = session.DischargeSign;
            response.BPT_DC_CPDResEnergyTransferMode = Fill(new BPT_DC_CPDResEnergyTransferModeType
            {
                EVSEMaximumDischargePower = Rational.Discharge(limits.MaximumDischargePower, sign),
                EVSEMinimumDischargePower = Rational.Discharge(limits.MinimumDischargePower, sign),
                EVSEMaximumDischargeCurrent = Rational.Discharge(limits.MaximumDischargeCurrent, sign),
                EVSEMinimumDischargeCurrent = Rational.Discharge(limits.MinimumDischargeCurrent, sign),
            }, limits);
        }
        else
        {
            response.DC_CPDResEnergyTransferMode = Fill(new DC_CPDResEnergyTransferModeType(), limits);
        }

        return (response, needs);
    }

    private static T Fill<T>(T mode, DcEvseLimits limits)
        where T : DC_CPDResEnergyTransferModeType
    {
        mode.EVSEMaximumChargePower = Rational.From(limits.MaximumChargePower);
        mode.EVSEMinimumChargePower = Rational.From(limits.MinimumChargePower);
        mode.EVSEMaximumChargeCurrent = Rational.From(limits.MaximumChargeCurrent);
        mode.EVSEMinimumChargeCurrent = Rational.From(limits.MinimumChargeCurrent);
        mode.EVSEMaximumVoltage = Rational.From(limits.MaximumVoltage);
        mode.EVSEMinimumVoltage = Rational.From(limits.MinimumVoltage);
        return mode;
    }
}
