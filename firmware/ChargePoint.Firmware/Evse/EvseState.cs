namespace ChargePoint.Firmware.Evse;

/// <summary>Where one EVSE's session stands (diagnostics, console, tests).</summary>
public enum EvseState
{
    /// <summary>No vehicle (pilot A).</summary>
    Idle,

    /// <summary>Vehicle plugged; SLAC, SDP, TLS and the -20 session setup run.</summary>
    Connecting,

    Authorizing,

    /// <summary>Parameters exchanged; cable check and pre-charge.</summary>
    Preparing,

    Charging,

    Discharging,

    /// <summary>Power down, contactors open, welding detection.</summary>
    Stopping,

    /// <summary>The EV paused the ISO 15118-20 session: power path open, transaction kept, waiting for the EV to
    /// resume (or unplug).</summary>
    Paused,

    /// <summary>Session over; waiting for the vehicle to unplug.</summary>
    Finished,

    /// <summary>A latched safety fault holds the EVSE unavailable.</summary>
    Faulted,
}
