namespace ChargePoint.V2g.Secc;

/// <summary>Coarse session state reported to the firmware.</summary>
public enum SeccSessionState
{
    Connected,
    Negotiated,
    SessionEstablished,
    Resumed,
    Authorizing,
    ServiceSelected,
    ChargeParametersExchanged,
    CableCheck,
    PreCharge,
    PowerDelivery,
    Charging,
    Standby,
    Stopped,
    WeldingDetection,
    Paused,
    Terminated,
    Failed,
}

/// <summary>Why the firmware must bring the outlet to a safe state (output off, contactors open).</summary>
public enum SafeStateReason
{
    SessionTerminated,
    SessionPaused,
    FailedResponse,
    SequenceTimeout,
    MalformedMessage,
    FramingError,
    ConnectionLost,
    NegotiationFailed,
    HostStopping,
    IsolationFault,
}
