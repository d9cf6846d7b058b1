namespace ChargePoint.Firmware.Contracts.V2g;

/// <summary>
/// The seam between an EVSE manager and the high-level-communication stack of one EVSE. The implementation owns
/// the link and the protocol (SLAC, SDP, TLS, SupportedAppProtocol, the ISO 15118-20 message sequence); the
/// EVSE manager owns hardware, energy and authorization and answers through <see cref="IHlcEvseBridge"/>.
/// The session runs until the EV or the EVSE ends it or the link is lost; the outcome says which.
/// </summary>
public interface IHlcSessionSource
{
    /// <summary>Runs one session for a plugged-in EV. Returns when the session has ended.</summary>
    Task<HlcSessionOutcome> RunSessionAsync(IHlcEvseBridge bridge, CancellationToken cancellationToken);
}

/// <summary>How a high-level session ended.</summary>
public enum HlcSessionEnd
{
    /// <summary>SessionStopReq with Terminate after a normal stop.</summary>
    Completed,

    /// <summary>The EVSE asked the EV to stop (EVSENotification=Terminate) and the EV did.</summary>
    StoppedByEvse,

    /// <summary>No SLAC match, SDP, TLS or protocol agreement: the session never started.</summary>
    SetupFailed,

    /// <summary>The EV did not send the next request in time ([V2G20-443] sequence timeout).</summary>
    SequenceTimeout,

    /// <summary>The PLC link or the TCP connection went away.</summary>
    LinkLost,

    /// <summary>SessionStopReq with Pause: energy transfer is over for now, and the EV may come back (wake-up,
    /// SLAC again if the link dropped, SessionSetupReq with the old SessionID). The next
    /// <see cref="IHlcSessionSource.RunSessionAsync"/> waits for that resume without a setup deadline.</summary>
    Paused,
}

/// <summary>The end of a session and, for failures, a readable reason.</summary>
public sealed record HlcSessionOutcome(HlcSessionEnd End, string Detail);
