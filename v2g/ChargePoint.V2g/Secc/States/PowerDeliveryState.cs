using ChargePoint.V2g.Exi.Iso20;
using ChargePoint.V2g.Exi.Iso20.CommonMessages;

namespace ChargePoint.V2g.Secc.States;

/// <summary>
/// PowerDelivery. Start in Scheduled mode must name the ScheduleTuple we offered (else
/// FAILED_ScheduleSelectionInvalid); Standby is answered WARNING_StandbyNotAllowed unless allowed by policy.
/// The response carries any pending EVSE notification.
/// </summary>
public static class PowerDeliveryHandler
{
    public static PowerDeliveryResType Handle(PowerDeliveryReqType request, ISessionView session, EvseSnapshot evse)
    {
        var code = request.ChargeProgress switch
        {
            chargeProgressType.Start when session.ControlMode == ControlMode.Scheduled
                && request.EVPowerProfile?.Scheduled_EVPPTControlMode?.SelectedScheduleTupleID != session.OfferedScheduleTupleId
                => responseCodeType.FAILED_ScheduleSelectionInvalid,
            chargeProgressType.Standby when !session.Options.StandbyAllowed => responseCodeType.WARNING_StandbyNotAllowed,
            _ => responseCodeType.OK,
        };
        return new PowerDeliveryResType { ResponseCode = code, EVSEStatus = EvseStatusBuilder.For(session, evse) };
    }

    /// <summary>The EV's EVPowerProfile in our terms, or null when the request carries none.</summary>
    public static EvPowerProfile? Profile(PowerDeliveryReqType request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EVPowerProfile is not { } profile)
        {
            return null;
        }

        var scheduled = profile.Scheduled_EVPPTControlMode;
        return new EvPowerProfile(
            DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(profile.TimeAnchor, (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())),
            scheduled is null ? ControlMode.Dynamic : ControlMode.Scheduled,
            scheduled?.SelectedScheduleTupleID,
            scheduled?.PowerToleranceAcceptance is { } tolerance ? tolerance == powerToleranceAcceptanceType.PowerToleranceConfirmed : null,
            [.. profile.EVPowerProfileEntries.EVPowerProfileEntry.Select(e => new EvPowerProfileEntry(TimeSpan.FromSeconds(e.Duration), e.Power.ToDouble()))]);
    }

    public static PowerDeliveryCommand Command(chargeProgressType progress) => progress switch
    {
        chargeProgressType.Start => PowerDeliveryCommand.Start,
        chargeProgressType.Standby => PowerDeliveryCommand.Standby,
        chargeProgressType.ScheduleRenegotiation => PowerDeliveryCommand.ScheduleRenegotiation,
        _ => PowerDeliveryCommand.Stop,
    };
}

/// <summary>PowerDelivery before the charge loop (AC after ScheduleExchange; DC via PreCharge): Start leads to
/// the loop, Stop to the end of the session.</summary>
public sealed class PowerDeliveryState : ISeccState
{
    public static PowerDeliveryState Instance { get; } = new();

    public string Name => "PowerDelivery";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment)
    {
        if (request is not PowerDeliveryReqType delivery || delivery.ChargeProgress is not (chargeProgressType.Start or chargeProgressType.Stop))
        {
            return SeccSteps.SequenceError(request, this);
        }

        return Apply(delivery, session, environment);
    }

    /// <summary>Shared with the charge loop: answers and picks the next state for any ChargeProgress.</summary>
    internal static SeccStep Apply(PowerDeliveryReqType delivery, SessionContext session, SeccEnvironment environment)
    {
        var response = PowerDeliveryHandler.Handle(delivery, session, environment.Control.Snapshot);
        if (response.ResponseCode >= responseCodeType.FAILED)
        {
            return new SeccStep(response, Instance, SeccSessionState.Failed);
        }

        if (response.ResponseCode == responseCodeType.WARNING_StandbyNotAllowed)
        {
            return new SeccStep(response, ChargeLoopState.Instance);
        }

        environment.Feedback.OnPowerDelivery(PowerDeliveryHandler.Command(delivery.ChargeProgress));
        if (delivery.ChargeProgress == chargeProgressType.Start && PowerDeliveryHandler.Profile(delivery) is { } profile)
        {
            environment.Feedback.OnEvPowerProfile(profile);
        }

        switch (delivery.ChargeProgress)
        {
            case chargeProgressType.Start:
                return new SeccStep(response, ChargeLoopState.Instance, SeccSessionState.Charging);
            case chargeProgressType.Standby:
                return new SeccStep(response, ChargeLoopState.Instance, SeccSessionState.Standby);
            case chargeProgressType.ScheduleRenegotiation:
                environment.Control.ClearNotification(EvseNotificationRequest.ScheduleRenegotiation);
                return new SeccStep(response, new ScheduleExchangeState(renegotiation: true), SeccSessionState.ChargeParametersExchanged);
            default:
                ISeccState next = session.Service?.IsDc() == true ? WeldingDetectionState.Instance : StoppedState.Instance;
                return new SeccStep(response, next, SeccSessionState.Stopped);
        }
    }
}

/// <summary>After PowerDelivery Stop on AC: only SessionStop (handled for every state) is valid.</summary>
public sealed class StoppedState : ISeccState
{
    public static StoppedState Instance { get; } = new();

    public string Name => "Stopped";

    public SeccStep Handle(V2GRequestType request, SessionContext session, SeccEnvironment environment) => SeccSteps.SequenceError(request, this);
}
