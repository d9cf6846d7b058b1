namespace ChargePoint.Firmware.Safety;

/// <summary>Every fault the firmware reacts to: the HAL's hardware faults plus the communication faults only
/// the firmware sees.</summary>
public enum StationFaultKind
{
    EmergencyStop,
    ResidualCurrentTrip,
    IsolationFault,
    WeldedContactor,
    ContactorFeedbackMismatch,
    PowerModuleFault,
    PowerModuleCommunicationLost,
    MeterTimeout,
    PilotFault,
    DiodeFault,

    /// <summary>The EV did not send its next request in time ([V2G20-443]).</summary>
    V2gSequenceTimeout,

    /// <summary>The PLC link or the V2G TCP/TLS connection was lost mid-session.</summary>
    HlcLinkLoss,
}
