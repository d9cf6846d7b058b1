namespace ChargePoint.Simulators.Ev;

/// <summary>Ends a scripted EV run early (the SECC rejected a request or closed the connection); the
/// simulator turns it into an <see cref="EvSessionResult"/>.</summary>
public sealed class EvSessionEndedException : Exception
{
    public EvSessionEndedException()
    {
    }

    public EvSessionEndedException(string message)
        : base(message)
    {
    }

    public EvSessionEndedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EvSessionOutcome Outcome { get; init; } = EvSessionOutcome.Rejected;
}
