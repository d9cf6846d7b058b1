namespace ChargePoint.V2g.Secc;

/// <summary>The one paused session of an EVSE (SessionStop Pause), kept until resumed or replaced.</summary>
public sealed class PausedSessionStore
{
    private PausedSession? _paused;

    public PausedSession? Current => Volatile.Read(ref _paused);

    public void Keep(PausedSession session) => Volatile.Write(ref _paused, session);

    /// <summary>Takes the paused session if <paramref name="sessionId"/> and <paramref name="evccId"/> match it:
    /// a resume is bound to the EV that paused (a SessionID alone is not proof of identity).</summary>
    public PausedSession? TakeMatching(ReadOnlySpan<byte> sessionId, string evccId)
    {
        var paused = Current;
        if (paused is null || !sessionId.SequenceEqual(paused.SessionId) || !string.Equals(paused.EvccId, evccId, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Interlocked.CompareExchange(ref _paused, null, paused) == paused ? paused : null;
    }

    public void Clear() => Volatile.Write(ref _paused, null);
}
