namespace ChargePoint.Hal.Safety;

/// <summary>Every condition that forces the station into the safe state.</summary>
public enum SafetyFaultKind
{
    EmergencyStop,
    ResidualCurrentTrip,
    IsolationFault,

    /// <summary>A contactor's feedback still reports closed after an open command: the contact is welded.</summary>
    WeldedContactor,

    /// <summary>A contactor's feedback disagrees with its command after the feedback delay.</summary>
    ContactorFeedbackMismatch,
    PowerModuleFault,

    /// <summary>No status from the power module within its communication timeout (e.g. CAN silence).</summary>
    PowerModuleCommunicationLost,

    /// <summary>The energy meter failed to answer repeatedly.</summary>
    MeterTimeout,
    PilotFault,
    DiodeFault,

    /// <summary>A safety input or the pilot could not be read (driver I/O error); its state is unknown.</summary>
    HardwareUnreadable,

    /// <summary>The connector lock's feedback disagrees with its command after actuation (IEC 61851-1: a socket
    /// outlet is energised only with the plug locked).</summary>
    ConnectorLockFault,
}
