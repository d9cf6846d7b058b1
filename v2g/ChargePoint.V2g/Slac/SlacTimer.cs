namespace ChargePoint.V2g.Slac;

/// <summary>
/// A one-shot timer on <see cref="TimeProvider"/> whose callback runs through the owner's dispatcher (which takes
/// the state-machine lock). Re-arming or cancelling makes a callback that is already queued a no-op, so a timer
/// never acts on a state it was not armed for.
/// </summary>
internal sealed class SlacTimer(TimeProvider time, Action<Action> dispatch) : IDisposable
{
    private ITimer? _timer;
    private long _generation;

    public bool IsArmed { get; private set; }

    /// <summary>Arms the timer; call only under the owner's lock.</summary>
    public void Arm(TimeSpan due, Action onExpiry)
    {
        Cancel();
        var generation = ++_generation;
        IsArmed = true;
        _timer = time.CreateTimer(_ => dispatch(() => Fire(generation, onExpiry)), null, due, Timeout.InfiniteTimeSpan);
    }

    public void Cancel()
    {
        _generation++;
        IsArmed = false;
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => Cancel();

    private void Fire(long generation, Action onExpiry)
    {
        if (generation != _generation)
        {
            return;
        }

        IsArmed = false;
        onExpiry();
    }
}
