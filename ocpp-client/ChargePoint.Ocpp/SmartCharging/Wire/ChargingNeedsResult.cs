using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>What became of a NotifyEVChargingNeeds, as the firmware acts on it.</summary>
public enum ChargingNeedsOutcome
{
    /// <summary>Accepted: the CSMS will send a charging profile; wait for it before offering a schedule (K15.FR.04).</summary>
    ProfileComing,

    /// <summary>Processing: the CSMS is still working on it; a profile may come later, go on with the local schedule.</summary>
    Processing,

    /// <summary>Rejected: the CSMS will not act on these needs; use the local composite schedule.</summary>
    Rejected,

    /// <summary>NoChargingProfile: the CSMS has no profile for this EV; use the local composite schedule.</summary>
    NoChargingProfile,

    /// <summary>No answer (offline, timeout, CALLERROR): use the local composite schedule.</summary>
    NotDelivered,
}

/// <summary>The outcome plus the CSMS's statusInfo or the transport failure, for the log and the CLI.</summary>
public sealed record ChargingNeedsResult(ChargingNeedsOutcome Outcome, string? ReasonCode = null, string? Detail = null)
{
    /// <summary>Whether the station should wait for a SetChargingProfile before settling the EV's schedule.</summary>
    public bool AwaitProfile => Outcome is ChargingNeedsOutcome.ProfileComing or ChargingNeedsOutcome.Processing;

    public static ChargingNeedsResult From(OcppCallResult<NotifyEVChargingNeedsResponse> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsSuccess || result.Response is not { } response)
        {
            return new(ChargingNeedsOutcome.NotDelivered, result.ErrorCode?.ToString(), result.ToString());
        }

        var outcome = response.Status switch
        {
            NotifyEVChargingNeedsStatusEnumType.Accepted => ChargingNeedsOutcome.ProfileComing,
            NotifyEVChargingNeedsStatusEnumType.Processing => ChargingNeedsOutcome.Processing,
            NotifyEVChargingNeedsStatusEnumType.NoChargingProfile => ChargingNeedsOutcome.NoChargingProfile,
            _ => ChargingNeedsOutcome.Rejected,
        };
        return new(outcome, response.StatusInfo?.ReasonCode, response.StatusInfo?.AdditionalInfo);
    }
}
