using ChargePoint.V2g.Secc;

namespace ChargePoint.Simulators.Ev;

/// <summary>How the simulated session ended.</summary>
public enum EvSessionOutcome
{
    Completed,
    Paused,
    Rejected,
    ConnectionClosed,
    NegotiationFailed,
}

/// <summary>Result of one EVCC run: outcome, the SECC's last response code, what was exchanged, and the values the
/// EV read from the charge loop and schedule exchange responses.</summary>
public sealed record EvSessionResult(
    EvSessionOutcome Outcome,
    string LastResponse,
    string LastResponseCode,
    byte[] SessionId,
    int ChargeLoops,
    double FinalSocPercent,
    IReadOnlyList<string> Exchanges,
    IReadOnlyList<EvLoopObservation> Loops,
    IReadOnlyList<EvScheduleObservation> Schedules,
    IReadOnlyList<EvPowerProfile> PowerProfiles);
