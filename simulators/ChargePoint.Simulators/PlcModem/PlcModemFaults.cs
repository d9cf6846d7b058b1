using ChargePoint.V2g.Link;

namespace ChargePoint.Simulators.PlcModem;

/// <summary>Where the simulated EV puts a wrong RunID.</summary>
public enum WrongRunIdMode
{
    None,

    /// <summary>The first CM_SLAC_MATCH.REQ carries a wrong RunID; the correct one follows 100 ms later.</summary>
    FirstMatchRequest,

    /// <summary>Everything after CM_SLAC_PARM.REQ carries a wrong RunID, so the EVSE never sees its run continue.</summary>
    AfterParmRequest,
}

/// <summary>Faults the PLC modem simulator injects (all off by default).</summary>
public sealed class PlcModemFaults
{
    /// <summary>Zero-based indices of sounds that get lost (neither MNBC_SOUND nor ATTEN_PROFILE arrives).</summary>
    public IReadOnlyCollection<int> DroppedSounds { get; set; } = [];

    /// <summary>Send the sounds in reverse order, each ATTEN_PROFILE.IND ahead of its MNBC_SOUND.IND.</summary>
    public bool ReorderSounds { get; set; }

    /// <summary>Delay of every CM_ATTEN_CHAR.RSP (beyond TT_match_response = 200 ms provokes a retry).</summary>
    public TimeSpan AttenCharResponseDelay { get; set; }

    /// <summary>Extra CM_SLAC_MATCH.REQ the EV sends after the first (50 ms apart), even once confirmed.</summary>
    public int RepeatedMatchRequests { get; set; }

    public WrongRunIdMode WrongRunId { get; set; }

    /// <summary>A second EV (cross-talk from a neighbouring charger) that runs SLAC at the same time but is far away.</summary>
    public MacAddress? CrossTalkEv { get; set; }

    /// <summary>Result code of CM_SET_KEY.CNF (QCA modems answer 0x01 on success, HomePlug says 0x00).</summary>
    public byte SetKeyResult { get; set; }

    /// <summary>Drop the AVLN this long after it came up (link loss).</summary>
    public TimeSpan? LinkLossAfter { get; set; }
}
