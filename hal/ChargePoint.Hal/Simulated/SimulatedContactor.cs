using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A contactor whose main contact and mirror contact follow the command after a mechanical delay. Faults: a
/// welded contact stays closed after an open command (and the mirror contact truthfully reports it); a stuck
/// mirror contact reports a fixed position whatever the main contact does.
/// </summary>
public sealed class SimulatedContactor : IContactor, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private readonly TimeSpan _closeDelay;
    private readonly TimeSpan _openDelay;
    private bool _commanded;
    private bool _contactClosed;
    private bool _welded;
    private bool? _feedbackStuckAt;

    public SimulatedContactor(string name, TimeProvider time, TimeSpan? closeDelay = null, TimeSpan? openDelay = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        Name = name;
        _closeDelay = closeDelay ?? TimeSpan.FromMilliseconds(30);
        _openDelay = openDelay ?? TimeSpan.FromMilliseconds(15);
        _timer = time.CreateTimer(_ => Settle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Name { get; }

    public bool IsCommandedClosed
    {
        get
        {
            lock (_gate)
            {
                return _commanded;
            }
        }
    }

    /// <summary>The physical state of the main contact (whether current can flow).</summary>
    public bool IsContactClosed
    {
        get
        {
            lock (_gate)
            {
                return _contactClosed;
            }
        }
    }

    public bool IsFeedbackClosed
    {
        get
        {
            lock (_gate)
            {
                return _feedbackStuckAt ?? _contactClosed;
            }
        }
    }

    /// <summary>Number of open and close commands received (to check that nothing chatters).</summary>
    public int OperationCount { get; private set; }

    public void Close() => Command(true);

    public void Open() => Command(false);

    /// <summary>The main contact welds: once closed it never opens again.</summary>
    public void InjectWelded()
    {
        lock (_gate)
        {
            _welded = true;
        }
    }

    /// <summary>The mirror contact sticks at <paramref name="reportsClosed"/>.</summary>
    public void InjectFeedbackStuck(bool reportsClosed)
    {
        lock (_gate)
        {
            _feedbackStuckAt = reportsClosed;
        }
    }

    /// <summary>The hardware emergency-stop loop de-energises the coil: the contact drops out unless welded.</summary>
    public void DropOut()
    {
        lock (_gate)
        {
            if (!_welded)
            {
                _contactClosed = false;
            }
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _welded = false;
            _feedbackStuckAt = null;
            _contactClosed = _commanded;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Command(bool close)
    {
        lock (_gate)
        {
            if (_commanded == close)
            {
                return;
            }

            _commanded = close;
            OperationCount++;
            _timer.Change(close ? _closeDelay : _openDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void Settle()
    {
        lock (_gate)
        {
            if (_commanded || !_welded)
            {
                _contactClosed = _commanded;
            }
        }
    }
}
