namespace ChargePoint.V2g.Secc;

/// <summary>What the states reach besides the session: the firmware's cached inputs, the feedback sink, the
/// paused sessions of this EVSE and the SessionID source.</summary>
public sealed class SeccEnvironment(SeccControl control, ISeccFeedback feedback, PausedSessionStore paused, Func<byte[]> newSessionId)
{
    public SeccControl Control { get; } = control;

    public ISeccFeedback Feedback { get; } = feedback;

    public PausedSessionStore Paused { get; } = paused;

    public Func<byte[]> NewSessionId { get; } = newSessionId;
}
