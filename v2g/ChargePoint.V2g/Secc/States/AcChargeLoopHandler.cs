using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.Ac;

namespace ChargePoint.V2g.Secc.States;

/// <summary>
/// AC_ChargeLoop from cached values. Dynamic: EVSETargetActivePower (mandatory) is the energy manager's target,
/// or the EV's maximum when none is set, clamped to the EV's and our limits; negative means discharge
/// ([V2G20-1034]/[V2G20-1035]) and is only possible for AC_BPT. Scheduled: the target is sent only when the
/// energy manager set one. The control mode element must match the selected service and mode.
/// </summary>
public static class AcChargeLoopHandler
{
    public static (AC_ChargeLoopResType Response, EvChargingNeeds Needs, EvLoopStatus Status) Handle(
        AC_ChargeLoopReqType request, ISessionView session, EvseSnapshot evse)
    {
        var bpt = session.Service == EnergyTransferService.AcBpt;
        var dynamic = session.ControlMode == ControlMode.Dynamic;
        var needs = session.Needs with { PresentSoc = request.DisplayParameters?.PresentSOC ?? session.Needs.PresentSoc };
        var response = new AC_ChargeLoopResType
        {
            ResponseCode = responseCodeType.OK,
            EVSEStatus = EvseStatusBuilder.For(session, evse),
            MeterInfo = request.MeterInfoRequested ? MeterInfoBuilder.For(evse) : null,
        };
        double presentPower;
        Dynamic_AC_CLReqControlModeType? dynamicRequest = bpt ? request.BPT_Dynamic_AC_CLReqControlMode : request.Dynamic_AC_CLReqControlMode;
        Scheduled_AC_CLReqControlModeType? scheduledRequest = bpt ? request.BPT_Scheduled_AC_CLReqControlMode : request.Scheduled_AC_CLReqControlMode;
        if (dynamic && dynamicRequest is not null)
        {
            presentPower = dynamicRequest.EVPresentActivePower.ToDouble();
            needs = needs with
            {
                DepartureTime = dynamicRequest.DepartureTime ?? needs.DepartureTime,
                TargetEnergyRequest = dynamicRequest.EVTargetEnergyRequest.ToDouble(),
                MaximumEnergyRequest = dynamicRequest.EVMaximumEnergyRequest.ToDouble(),
                MinimumEnergyRequest = dynamicRequest.EVMinimumEnergyRequest.ToDouble(),
                MaximumChargePower = dynamicRequest.EVMaximumChargePower.ToDouble(),
                MinimumChargePower = dynamicRequest.EVMinimumChargePower.ToDouble(),
            };
            if (request.BPT_Dynamic_AC_CLReqControlMode is { } discharge)
            {
                needs = needs with
                {
                    MaximumDischargePower = discharge.EVMaximumDischargePower.Magnitude(),
                    MinimumDischargePower = discharge.EVMinimumDischargePower.Magnitude(),
                    MaximumV2XEnergyRequest = discharge.EVMaximumV2XEnergyRequest.ToDoubleOrNull(),
                    MinimumV2XEnergyRequest = discharge.EVMinimumV2XEnergyRequest.ToDoubleOrNull(),
                };
            }

            var target = Rational.From(Target(evse, needs, bpt) ?? 0);
            var present = Rational.From(evse.PresentActivePower);
            response.BPT_Dynamic_AC_CLResControlMode = bpt ? Fill(new BPT_Dynamic_AC_CLResControlModeType(), target, present, needs) : null;
            response.Dynamic_AC_CLResControlMode = bpt ? null : Fill(new Dynamic_AC_CLResControlModeType(), target, present, needs);
        }
        else if (!dynamic && scheduledRequest is not null)
        {
            presentPower = scheduledRequest.EVPresentActivePower.ToDouble();
            needs = needs with
            {
                TargetEnergyRequest = scheduledRequest.EVTargetEnergyRequest.ToDoubleOrNull() ?? needs.TargetEnergyRequest,
                MaximumEnergyRequest = scheduledRequest.EVMaximumEnergyRequest.ToDoubleOrNull() ?? needs.MaximumEnergyRequest,
                MinimumEnergyRequest = scheduledRequest.EVMinimumEnergyRequest.ToDoubleOrNull() ?? needs.MinimumEnergyRequest,
                MaximumChargePower = scheduledRequest.EVMaximumChargePower.ToDoubleOrNull() ?? needs.MaximumChargePower,
                MinimumChargePower = scheduledRequest.EVMinimumChargePower.ToDoubleOrNull() ?? needs.MinimumChargePower,
            };
            if (request.BPT_Scheduled_AC_CLReqControlMode is { } discharge)
            {
                needs = needs with
                {
                    MaximumDischargePower = discharge.EVMaximumDischargePower.MagnitudeOrNull() ?? needs.MaximumDischargePower,
                    MinimumDischargePower = discharge.EVMinimumDischargePower.MagnitudeOrNull() ?? needs.MinimumDischargePower,
                };
            }

            var target = evse.TargetActivePower is null ? null : Rational.From(Target(evse, needs, bpt)!.Value);
            var present = Rational.From(evse.PresentActivePower);
            response.BPT_Scheduled_AC_CLResControlMode = bpt
                ? new BPT_Scheduled_AC_CLResControlModeType { EVSETargetActivePower = target, EVSEPresentActivePower = present }
                : null;
            response.Scheduled_AC_CLResControlMode = bpt
                ? null
                : new Scheduled_AC_CLResControlModeType { EVSETargetActivePower = target, EVSEPresentActivePower = present };
        }
        else
        {
            var failed = (AC_ChargeLoopResType)FailedResponses.For(request, responseCodeType.FAILED_WrongChargeParameter);
            return (failed, session.Needs, new EvLoopStatus(null, null, null, null, null));
        }

        return (response, needs, new EvLoopStatus(null, null, null, presentPower, needs.PresentSoc));
    }

    /// <summary>The energy manager's target (or the EV's maximum), within [-discharge limit, charge limit].</summary>
    public static double? Target(EvseSnapshot evse, EvChargingNeeds needs, bool bidirectional)
    {
        ArgumentNullException.ThrowIfNull(evse);
        ArgumentNullException.ThrowIfNull(needs);
        var maxCharge = Math.Min(evse.AcLimits.MaximumChargePower, needs.MaximumChargePower ?? evse.AcLimits.MaximumChargePower);
        var maxDischarge = bidirectional
            ? Math.Min(evse.AcLimits.MaximumDischargePower, needs.MaximumDischargePower ?? 0)
            : 0;
        var wanted = evse.TargetActivePower ?? maxCharge;
        return Math.Clamp(wanted, -maxDischarge, Math.Max(0, maxCharge));
    }

    private static T Fill<T>(T mode, RationalNumberType target, RationalNumberType present, EvChargingNeeds needs)
        where T : Dynamic_AC_CLResControlModeType
    {
        mode.DepartureTime = needs.DepartureTime;
        mode.EVSETargetActivePower = target;
        mode.EVSEPresentActivePower = present;
        return mode;
    }
}
