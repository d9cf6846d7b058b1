namespace ChargePoint.V2g.Slac;

/// <summary>The EVSE's data-link state as the firmware sees it.</summary>
public enum SlacState
{
    /// <summary>No EV (CP state A) or not started.</summary>
    Unmatched,

    /// <summary>CP in B/C/D with 5 %: waiting for or running matching sessions.</summary>
    Matching,

    /// <summary>CM_SLAC_MATCH.CNF sent; waiting for the modems to form the AVLN.</summary>
    Joining,

    /// <summary>The AVLN is up: the d-link is ready for SDP and V2GTP.</summary>
    Matched,

    /// <summary>Matching failed or the link was lost; the error routine was requested.</summary>
    Failed,
}
