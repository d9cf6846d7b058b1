using ChargePoint.V2g.Link;

namespace ChargePoint.V2g.Slac;

/// <summary>
/// EVSE SLAC configuration. Timer defaults are the ISO 15118-3 values (Table A.1 names in the comments); only
/// change them for field workarounds.
/// </summary>
public sealed class SlacOptions
{
    /// <summary>Name of the PLC modem's network interface (e.g. eth1, plc0).</summary>
    public string Interface { get; set; } = "eth1";

    /// <summary>Destination of MMEs for our own modem (CM_SET_KEY, vendor MMEs).</summary>
    public MacAddress LocalModemAddress { get; set; } = MacAddress.QcaLocalModem;

    /// <summary>TT_EVSE_SLAC_init (20-50 s): from B/C/D with 5 % until the first CM_SLAC_PARM.REQ.</summary>
    public TimeSpan SlacInitTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>TT_match_sequence: after CM_SLAC_PARM.CNF until CM_START_ATTEN_CHAR.IND.</summary>
    public TimeSpan MatchSequenceTimeout { get; set; } = TimeSpan.FromMilliseconds(400);

    /// <summary>TT_EVSE_match_MNBC: the sounding window, sent to the EV as TIME_OUT in 100 ms units.</summary>
    public TimeSpan SoundingWindow { get; set; } = TimeSpan.FromMilliseconds(600);

    /// <summary>Extra wait after the sounding window for ATTEN_PROFILE.IND that trail behind the last sound.</summary>
    public TimeSpan SoundingGrace { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>C_EV_match_MNBC: sounds the EV is asked to send.</summary>
    public byte SoundCount { get; set; } = 10;

    /// <summary>TT_match_response: wait for CM_ATTEN_CHAR.RSP after CM_ATTEN_CHAR.IND.</summary>
    public TimeSpan MatchResponseTimeout { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>C_EV_match_retry: repetitions of CM_ATTEN_CHAR.IND without a response [V2G3-A09-46].</summary>
    public int AttenCharRetries { get; set; } = 2;

    /// <summary>TT_EVSE_match_session: after CM_ATTEN_CHAR.RSP until CM_VALIDATE.REQ or CM_SLAC_MATCH.REQ.</summary>
    public TimeSpan MatchSessionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>TT_match_join: after CM_SLAC_MATCH.CNF until the modem reports the AVLN link.</summary>
    public TimeSpan MatchJoinTimeout { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>Offset in dB added to every averaged attenuation group (coupling correction of the board).</summary>
    public int AttenuationOffsetDb { get; set; }

    /// <summary>Matching sessions kept at once (cross-talk: neighbouring EVs are heard too).</summary>
    public int MaxConcurrentSessions { get; set; } = 4;

    /// <summary>
    /// Accept a fresh CM_SLAC_PARM.REQ after a failed run and start again without waiting for the error routine
    /// (not ISO; some EVs restart SLAC immediately after an abort).
    /// </summary>
    public bool RestartOnFreshParmRequest { get; set; } = true;

    public SetKeyResultPolicy SetKeyResultPolicy { get; set; } = SetKeyResultPolicy.AcceptBoth;

    /// <summary>Wait for CM_SET_KEY.CNF before repeating the request.</summary>
    public TimeSpan SetKeyTimeout { get; set; } = TimeSpan.FromMilliseconds(1000);

    public int SetKeyAttempts { get; set; } = 3;

    /// <summary>Link status poll interval while waiting for the AVLN after the match.</summary>
    public TimeSpan JoinPollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Link status poll interval once matched (loss must be seen within TP_match_leave = 1 s).</summary>
    public TimeSpan LinkPollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Consecutive polls reporting no link (or unanswered) before the link counts as lost.</summary>
    public int LinkLossDebounce { get; set; } = 3;

    /// <summary>Builds the TIME_OUT byte of CM_SLAC_PARM.CNF from <see cref="SoundingWindow"/>.</summary>
    internal byte SoundingTimeoutUnits => (byte)Math.Clamp((int)Math.Ceiling(SoundingWindow.TotalMilliseconds / 100), 1, 255);
}
