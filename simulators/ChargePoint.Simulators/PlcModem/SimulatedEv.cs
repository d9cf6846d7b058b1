using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac.Messages;

namespace ChargePoint.Simulators.PlcModem;

/// <summary>Where a simulated EV's SLAC run stands.</summary>
public enum SimulatedEvPhase
{
    Idle,
    WaitParmConfirm,
    Sounding,
    WaitMatchConfirm,
    Matched,
    Declined,
    Failed,
}

/// <summary>The state of one simulated EV host (the EV under test, or a cross-talk neighbour).</summary>
internal sealed class SimulatedEv(MacAddress address, byte attenuationDb, bool isCrossTalk)
{
    public MacAddress Address { get; } = address;

    public byte AttenuationDb { get; } = attenuationDb;

    public bool IsCrossTalk { get; } = isCrossTalk;

    public SimulatedEvPhase Phase { get; set; }

    public RunId RunId { get; set; }

    /// <summary>Bumped on every (re)start so timers of an earlier run do nothing.</summary>
    public int Generation { get; set; }

    public int ParmAttempts { get; set; }

    /// <summary>When the first run of the current matching process began (the repetition window starts here).</summary>
    public DateTimeOffset? MatchingStartedAt { get; set; }

    public int AttenCharIndications { get; set; }

    public int MatchConfirms { get; set; }

    public byte[]? FirstMatchConfirm { get; set; }

    public bool MatchConfirmsIdentical { get; set; } = true;

    public byte[]? Nmk { get; set; }

    /// <summary>The RunID this EV writes into the frames after CM_SLAC_PARM.REQ (a wrong one under that fault).</summary>
    public RunId WireRunId(WrongRunIdMode mode) => mode == WrongRunIdMode.AfterParmRequest && !IsCrossTalk ? new RunId(~RunId.Value) : RunId;
}
