using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.V2g.Secc;

namespace ChargePoint.Firmware.V2g;

/// <summary>How the SECC's end of a session (<see cref="SafeStateReason"/>) reads for the EVSE manager.</summary>
public static class HlcOutcomes
{
    public static HlcSessionOutcome From(SafeStateReason reason, bool established, bool stopRequestedByEvse) => reason switch
    {
        SafeStateReason.SessionTerminated => stopRequestedByEvse
            ? new(HlcSessionEnd.StoppedByEvse, "EV stopped on the EVSE's request")
            : new(HlcSessionEnd.Completed, "SessionStop Terminate"),
        SafeStateReason.SessionPaused => new(HlcSessionEnd.Paused, "SessionStop Pause"),
        SafeStateReason.SequenceTimeout => new(HlcSessionEnd.SequenceTimeout, "V2G_SECC_Sequence_Timeout"),
        SafeStateReason.NegotiationFailed => new(HlcSessionEnd.SetupFailed, "no common application protocol"),
        SafeStateReason.ConnectionLost or SafeStateReason.FramingError or SafeStateReason.MalformedMessage => established
            ? new(HlcSessionEnd.LinkLost, "V2G connection lost (" + reason + ")")
            : new(HlcSessionEnd.SetupFailed, "V2G connection ended during setup (" + reason + ")"),
        SafeStateReason.FailedResponse => new(established ? HlcSessionEnd.StoppedByEvse : HlcSessionEnd.SetupFailed, "the SECC answered FAILED"),
        SafeStateReason.IsolationFault => new(HlcSessionEnd.StoppedByEvse, "isolation fault in cable check"),
        _ => new(HlcSessionEnd.StoppedByEvse, "the station ended the session"),
    };
}
