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

/// <summary>Result of one EVCC run: outcome, the SECC's last response code, and what was exchanged.</summary>
public sealed record EvSessionResult(
    EvSessionOutcome Outcome,
    string LastResponse,
    string LastResponseCode,
    byte[] SessionId,
    int ChargeLoops,
    double FinalSocPercent,
    IReadOnlyList<string> Exchanges);
