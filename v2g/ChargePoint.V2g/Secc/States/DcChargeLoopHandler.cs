using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Dc;

namespace ChargePoint.V2g.Secc.States;

/// <summary>
/// DC_ChargeLoop from cached values only. The request's control mode element must be the one of the selected
/// service and mode (BPT_Dynamic, Dynamic, BPT_Scheduled, Scheduled), else FAILED_WrongChargeParameter; the
/// response answers in kind. Dynamic: the station picks the operating point and reports it as present
/// voltage/current; the response carries our limits (discharge ones with the vehicle's sign).
/// </summary>
public static class DcChargeLoopHandler
{
    public static (DC_ChargeLoopResType Response, EvChargingNeeds Needs, EvLoopStatus Status) Handle(
        DC_ChargeLoopReqType request, ISessionView session, EvseSnapshot evse)
    {
        var bpt = session.Service == EnergyTransferService.DcBpt;
        var dynamic = session.ControlMode == ControlMode.Dynamic;
        var limits = evse.DcLimits;
        var sign = session.DischargeSign;
        var needs = session.Needs with { PresentSoc = request.DisplayParameters?.PresentSOC ?? session.Needs.PresentSoc };
        double? targetCurrent = null;
        double? targetVoltage = null;
        var response = new DC_ChargeLoopResType
        {
            ResponseCode = responseCodeType.OK,
            EVSEStatus = EvseStatusBuilder.For(session, evse),
            MeterInfo = request.MeterInfoRequested ? MeterInfoBuilder.For(evse) : null,
            EVSEPresentCurrent = Rational.From(evse.PresentCurrent),
            EVSEPresentVoltage = Rational.From(evse.PresentVoltage),
        };

        Dynamic_DC_CLReqControlModeType? dynamicRequest = bpt ? request.BPT_Dynamic_DC_CLReqControlMode : request.Dynamic_DC_CLReqControlMode;
        Scheduled_DC_CLReqControlModeType? scheduledRequest = bpt ? request.BPT_Scheduled_DC_CLReqControlMode : request.Scheduled_DC_CLReqControlMode;
        if (dynamic && dynamicRequest is not null)
        {
            needs = needs with
            {
                DepartureTime = dynamicRequest.DepartureTime ?? needs.DepartureTime,
                TargetEnergyRequest = dynamicRequest.EVTargetEnergyRequest.ToDouble(),
                MaximumEnergyRequest = dynamicRequest.EVMaximumEnergyRequest.ToDouble(),
                MinimumEnergyRequest = dynamicRequest.EVMinimumEnergyRequest.ToDouble(),
                MaximumChargePower = dynamicRequest.EVMaximumChargePower.ToDouble(),
                MinimumChargePower = dynamicRequest.EVMinimumChargePower.ToDouble(),
                MaximumChargeCurrent = dynamicRequest.EVMaximumChargeCurrent.ToDouble(),
                MaximumVoltage = dynamicRequest.EVMaximumVoltage.ToDouble(),
                MinimumVoltage = dynamicRequest.EVMinimumVoltage.ToDouble(),
            };
            if (request.BPT_Dynamic_DC_CLReqControlMode is { } discharge)
            {
                needs = needs with
                {
                    MaximumDischargePower = discharge.EVMaximumDischargePower.Magnitude(),
                    MinimumDischargePower = discharge.EVMinimumDischargePower.Magnitude(),
                    MaximumDischargeCurrent = discharge.EVMaximumDischargeCurrent.Magnitude(),
                    MaximumV2XEnergyRequest = discharge.EVMaximumV2XEnergyRequest.ToDoubleOrNull(),
                    MinimumV2XEnergyRequest = discharge.EVMinimumV2XEnergyRequest.ToDoubleOrNull(),
                };
                response.BPT_Dynamic_DC_CLResControlMode = FillDynamic(new BPT_Dynamic_DC_CLResControlModeType
                {
                    EVSEMaximumDischargePower = Rational.Discharge(limits.MaximumDischargePower, sign),
                    EVSEMinimumDischargePower = Rational.Discharge(limits.MinimumDischargePower, sign),
                    EVSEMaximumDischargeCurrent = Rational.Discharge(limits.MaximumDischargeCurrent, sign),
                    EVSEMinimumVoltage = Rational.From(limits.MinimumVoltage),
                }, limits, needs);
            }
            else
            {
                response.Dynamic_DC_CLResControlMode = FillDynamic(new Dynamic_DC_CLResControlModeType(), limits, needs);
            }
        }
        else if (!dynamic && scheduledRequest is not null)
        {
            targetCurrent = scheduledRequest.EVTargetCurrent.ToDouble();
            targetVoltage = scheduledRequest.EVTargetVoltage.ToDouble();
            needs = needs with
            {
                TargetEnergyRequest = scheduledRequest.EVTargetEnergyRequest.ToDoubleOrNull() ?? needs.TargetEnergyRequest,
                MaximumEnergyRequest = scheduledRequest.EVMaximumEnergyRequest.ToDoubleOrNull() ?? needs.MaximumEnergyRequest,
                MinimumEnergyRequest = scheduledRequest.EVMinimumEnergyRequest.ToDoubleOrNull() ?? needs.MinimumEnergyRequest,
                MaximumChargePower = scheduledRequest.EVMaximumChargePower.ToDoubleOrNull() ?? needs.MaximumChargePower,
                MaximumChargeCurrent = scheduledRequest.EVMaximumChargeCurrent.ToDoubleOrNull() ?? needs.MaximumChargeCurrent,
                MaximumVoltage = scheduledRequest.EVMaximumVoltage.ToDoubleOrNull() ?? needs.MaximumVoltage,
            };
            if (request.BPT_Scheduled_DC_CLReqControlMode is { } discharge)
            {
                needs = needs with
                {
                    MaximumDischargePower = discharge.EVMaximumDischargePower.MagnitudeOrNull() ?? needs.MaximumDischargePower,
                    MinimumDischargePower = discharge.EVMinimumDischargePower.MagnitudeOrNull() ?? needs.MinimumDischargePower,
                    MaximumDischargeCurrent = discharge.EVMaximumDischargeCurrent.MagnitudeOrNull() ?? needs.MaximumDischargeCurrent,
                };
                response.BPT_Scheduled_DC_CLResControlMode = FillScheduled(new BPT_Scheduled_DC_CLResControlModeType
                {
                    EVSEMaximumDischargePower = Rational.Discharge(limits.MaximumDischargePower, sign),
                    EVSEMinimumDischargePower = Rational.Discharge(limits.MinimumDischargePower, sign),
                    EVSEMaximumDischargeCurrent = Rational.Discharge(limits.MaximumDischargeCurrent, sign),
                    EVSEMinimumVoltage = Rational.From(limits.MinimumVoltage),
                }, limits);
            }
            else
            {
                response.Scheduled_DC_CLResControlMode = FillScheduled(new Scheduled_DC_CLResControlModeType(), limits);
            }
        }
        else
        {
            var failed = (DC_ChargeLoopResType)FailedResponses.For(request, responseCodeType.FAILED_WrongChargeParameter);
            return (failed, session.Needs, new EvLoopStatus(null, null, null, null, null));
        }

        var power = Math.Abs(evse.PresentVoltage * evse.PresentCurrent);
        var discharging = evse.PresentCurrent < 0;
        response.EVSEPowerLimitAchieved = power >= (discharging ? limits.MaximumDischargePower : limits.MaximumChargePower);
        response.EVSECurrentLimitAchieved = Math.Abs(evse.PresentCurrent) >= (discharging ? limits.MaximumDischargeCurrent : limits.MaximumChargeCurrent);
        response.EVSEVoltageLimitAchieved = evse.PresentVoltage >= limits.MaximumVoltage;
        var status = new EvLoopStatus(request.EVPresentVoltage.ToDouble(), targetCurrent, targetVoltage, null, needs.PresentSoc);
        return (response, needs, status);
    }

    private static T FillDynamic<T>(T mode, DcEvseLimits limits, EvChargingNeeds needs)
        where T : Dynamic_DC_CLResControlModeType
    {
        mode.DepartureTime = needs.DepartureTime;
        mode.EVSEMaximumChargePower = Rational.From(limits.MaximumChargePower);
        mode.EVSEMinimumChargePower = Rational.From(limits.MinimumChargePower);
        mode.EVSEMaximumChargeCurrent = Rational.From(limits.MaximumChargeCurrent);
        mode.EVSEMaximumVoltage = Rational.From(limits.MaximumVoltage);
        return mode;
    }

    private static T FillScheduled<T>(T mode, DcEvseLimits limits)
        where T : Scheduled_DC_CLResControlModeType
    {
        mode.EVSEMaximumChargePower = Rational.From(limits.MaximumChargePower);
        mode.EVSEMinimumChargePower = Rational.From(limits.MinimumChargePower);
        mode.EVSEMaximumChargeCurrent = Rational.From(limits.MaximumChargeCurrent);
        mode.EVSEMaximumVoltage = Rational.From(limits.MaximumVoltage);
        return mode;
    }
}
