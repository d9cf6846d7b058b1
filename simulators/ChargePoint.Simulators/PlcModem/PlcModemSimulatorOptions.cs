using ChargePoint.V2g.Link;

namespace ChargePoint.Simulators.PlcModem;

/// <summary>Identity and behaviour of the simulated EV and the two modems.</summary>
public sealed class PlcModemSimulatorOptions
{
    /// <summary>MAC of the EVSE's own modem (source of CM_SET_KEY.CNF, vendor CNFs and ATTEN_PROFILE.IND).</summary>
    public MacAddress EvseModemAddress { get; set; } = MacAddress.Parse("00:b0:52:aa:00:01");

    /// <summary>MAC of the EV host (source of the EV's SLAC MMEs).</summary>
    public MacAddress EvAddress { get; set; } = MacAddress.Parse("02:00:00:00:0e:01");

    /// <summary>Attenuation the EVSE modem measures for the EV's sounds, per group (dB).</summary>
    public byte EvAttenuationDb { get; set; } = 22;

    /// <summary>Attenuation measured for the cross-talk EV (far away: well above the EV's threshold).</summary>
    public byte CrossTalkAttenuationDb { get; set; } = 70;

    /// <summary>The EV accepts an EVSE whose mean attenuation is at most this.</summary>
    public int EvAcceptThresholdDb { get; set; } = 50;

    /// <summary>TP_EV_batch_msg_interval: gap between sounds (20-50 ms).</summary>
    public TimeSpan SoundInterval { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Time the modems take to form the AVLN after CM_SLAC_MATCH.CNF.</summary>
    public TimeSpan LinkUpDelay { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Start the EV side by itself this long after the EVSE's first CM_SET_KEY.REQ (null: only on request).</summary>
    public TimeSpan? AutoStartAfterSetKey { get; set; }

    /// <summary>
    /// TT_matching_repetition: how long after its first attempt a failed EV starts matching again, pausing
    /// TT_matching_rate between runs, as EVs do (null: the EV gives up after one run, which fault tests rely on).
    /// </summary>
    public TimeSpan? MatchingRepetition { get; set; }

    /// <summary>TT_matching_rate: the pause before a repeated matching run.</summary>
    public TimeSpan MatchingRate { get; set; } = TimeSpan.FromMilliseconds(400);

    public string ModemFirmware { get; set; } = "MAC-QCA7000-SIM-1.0";

    public PlcModemFaults Faults { get; set; } = new();
}
