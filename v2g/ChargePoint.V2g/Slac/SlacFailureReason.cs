namespace ChargePoint.V2g.Slac;

/// <summary>Why the EVSE asked for the error routine (CP E/F for T_step_EF, then back to 5 %).</summary>
public enum SlacFailureReason
{
    NoParmRequest,
    NoStartAttenChar,
    NoAttenCharResponse,
    AttenCharRejected,
    NoMatchRequest,
    LinkNotEstablished,
    LinkLost,
    ModemKeyNotSet,
}
