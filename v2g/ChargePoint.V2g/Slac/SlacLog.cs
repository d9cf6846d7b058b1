using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;
using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Slac;

/// <summary>Source-generated log messages of the EVSE SLAC state machine.</summary>
internal static partial class SlacLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: {From} -> {To}")]
    public static partial void StateChange(ILogger logger, SlacState from, SlacState to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLAC: failed ({Reason}, EV {Ev}); requesting the CP error routine")]
    public static partial void Failed(ILogger logger, SlacFailureReason reason, MacAddress? ev);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: fresh CM_SLAC_PARM.REQ from {Ev} after a failure; matching again")]
    public static partial void Restart(ILogger logger, MacAddress ev);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: CM_SLAC_PARM.REQ from {Ev}, RunID {RunId}")]
    public static partial void ParmRequest(ILogger logger, MacAddress ev, RunId runId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "SLAC: sounding with {Ev} done: {Profiles} profiles ({Sounds} sounds seen), mean attenuation {Mean:F1} dB")]
    public static partial void SoundingDone(ILogger logger, MacAddress ev, int profiles, int sounds, double mean);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: no CM_ATTEN_CHAR.RSP from {Ev}; repeating the indication ({Attempt})")]
    public static partial void AttenCharRetry(ILogger logger, MacAddress ev, int attempt);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "SLAC: matched EV {Ev} (RunID {RunId}); CM_SLAC_PARM.REQ to CM_SLAC_MATCH.CNF took {Milliseconds:F0} ms")]
    public static partial void Matched(ILogger logger, MacAddress ev, RunId runId, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: CM_AMP_MAP.REQ from {Ev} with {Count} amplitude entries")]
    public static partial void AmpMap(ILogger logger, MacAddress ev, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: session with {Ev} RunID {RunId} ended: {Reason}")]
    public static partial void SessionEnded(ILogger logger, MacAddress ev, RunId runId, SlacFailureReason reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLAC: the modem did not accept CM_SET_KEY after {Attempts} attempts")]
    public static partial void SetKeyGaveUp(ILogger logger, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLAC: CM_SET_KEY.CNF result 0x{Result:X2} is not success under policy {Policy}; retrying")]
    public static partial void SetKeyRejected(ILogger logger, byte result, SetKeyResultPolicy policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: modem {Modem} installed the new NMK (CM_SET_KEY.CNF result 0x{Result:X2}, NID {Nid})")]
    public static partial void SetKeyAccepted(ILogger logger, MacAddress modem, byte result, string nid);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLAC: modem {Modem} firmware '{Version}' (device id {Device})")]
    public static partial void ModemVersion(ILogger logger, MacAddress modem, string version, byte device);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SLAC: dropped frame ({Reason}): {Detail}")]
    public static partial void Dropped(ILogger logger, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Debug, Message = "SLAC: {Suppressed} further dropped frames were not logged")]
    public static partial void DropsSuppressed(ILogger logger, long suppressed);
}
