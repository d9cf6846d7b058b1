using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Safety;

/// <summary>
/// Owns the power path: the contactors and the power module's on/off. Closing is refused while the safety
/// supervisor holds a lockout. Opening first turns the power module off, waits a bounded time for the current to
/// fall below the safe switching current, and then opens the contactors, so that the open command always lands
/// at least <see cref="SafetyOptions.ContactorOperateTime"/> before the caller's deadline.
/// </summary>
public sealed class PowerPath : IDisposable
{
    private static readonly TimeSpan DecayPollPeriod = TimeSpan.FromMilliseconds(2);

    private readonly Lock _gate = new();
    private readonly IReadOnlyList<IContactor> _contactors;
    private readonly IBidirectionalPowerModule _powerModule;
    private readonly TimeProvider _time;
    private readonly SafetyOptions _options;
    private readonly ITimer _decayTimer;
    private long _openingSince;
    private TimeSpan _decayBudget;
    private bool _lockedOut;
    private bool _disposed;

    public PowerPath(IReadOnlyList<IContactor> contactors, IBidirectionalPowerModule powerModule, TimeProvider time, SafetyOptions options)
    {
        ArgumentNullException.ThrowIfNull(contactors);
        ArgumentNullException.ThrowIfNull(powerModule);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        if (contactors.Count == 0)
        {
            throw new ArgumentException("A power path needs at least one contactor.", nameof(contactors));
        }

        _contactors = contactors;
        _powerModule = powerModule;
        _time = time;
        _options = options;
        _decayTimer = time.CreateTimer(_ => OnDecayTick(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public PowerPathState State { get; private set; } = PowerPathState.Open;

    public bool IsLockedOut
    {
        get
        {
            lock (_gate)
            {
                return _lockedOut;
            }
        }
    }

    /// <summary>The reason given for the last open, for diagnostics.</summary>
    public string? LastOpenReason { get; private set; }

    public IReadOnlyList<IContactor> Contactors => _contactors;

    /// <summary>Closes the contactors unless locked out. Returns whether the close command was given.</summary>
    public bool TryClose()
    {
        lock (_gate)
        {
            if (_lockedOut || _disposed)
            {
                return false;
            }

            _decayTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            foreach (var contactor in _contactors)
            {
                contactor.Close();
            }

            State = PowerPathState.Closed;
            return true;
        }
    }

    /// <summary>Normal stop: module off, then contactors open after the current decayed or the decay budget ran
    /// out. <paramref name="elapsedSinceCause"/> is the time already spent since the event that demands power off
    /// (e.g. the pilot filter); the open command is always issued before the power-off deadline.</summary>
    public void Open(string reason, TimeSpan elapsedSinceCause = default)
    {
        lock (_gate)
        {
            LastOpenReason = reason;
            _powerModule.SetMode(PowerModuleMode.Off);
            if (State == PowerPathState.Open)
            {
                OpenContactorsLocked();
                return;
            }

            var latest = _options.PowerOffDeadline - elapsedSinceCause - _options.ContactorOperateTime - DecayPollPeriod;
            _decayBudget = _options.MaxCurrentDecayWait < latest ? _options.MaxCurrentDecayWait : latest;
            if (_decayBudget <= TimeSpan.Zero || IsCurrentSafe())
            {
                OpenContactorsLocked();
                return;
            }

            if (State != PowerPathState.Opening)
            {
                State = PowerPathState.Opening;
                _openingSince = _time.GetTimestamp();
                _decayTimer.Change(DecayPollPeriod, DecayPollPeriod);
            }
        }
    }

    /// <summary>Fault stop: module off and contactors open at once, and no closing until <see cref="ClearLockout"/>.</summary>
    public void TripOpen(string reason)
    {
        lock (_gate)
        {
            _lockedOut = true;
            LastOpenReason = reason;
            _powerModule.SetMode(PowerModuleMode.Off);
            OpenContactorsLocked();
        }
    }

    /// <summary>Allows closing again; the safety supervisor calls this once every fault has cleared.</summary>
    public void ClearLockout()
    {
        lock (_gate)
        {
            _lockedOut = false;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _decayTimer.Dispose();
        }
    }

    private void OnDecayTick()
    {
        lock (_gate)
        {
            if (State != PowerPathState.Opening)
            {
                return;
            }

            if (IsCurrentSafe() || _time.GetElapsedTime(_openingSince) >= _decayBudget)
            {
                OpenContactorsLocked();
            }
        }
    }

    private bool IsCurrentSafe() => Math.Abs(_powerModule.ReadStatus().OutputCurrentAmperes) <= _options.SafeSwitchingCurrentAmperes;

    private void OpenContactorsLocked()
    {
        _decayTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        foreach (var contactor in _contactors)
        {
            try
            {
                contactor.Open();
            }
            catch (IOException)
            {
                // Keep opening the others; the contactor monitor reports the one whose feedback stays closed.
            }
        }

        State = PowerPathState.Open;
    }
}
