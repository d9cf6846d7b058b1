using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>
/// A motor-driven plug lock on two GPIO outputs of an H-bridge (never both asserted) with a position switch on a GPIO
/// input (<see cref="ConnectorLockOptions"/>). Each command drives the motor for the pulse duration, waits the settle
/// time, then checks the feedback; it retries up to the configured attempts and otherwise reports a fault. Between
/// commands, feedback that leaves the commanded position (a forced lock) is a fault too.
/// </summary>
public sealed class GpioConnectorLock : IConnectorLock, IDisposable
{
    private readonly Lock _gate = new();
    private readonly IGpioOutput _lockDrive;
    private readonly IGpioOutput _unlockDrive;
    private readonly IGpioInput _feedback;
    private readonly ConnectorLockOptions _options;
    private readonly ITimer _timer;
    private Phase _phase = Phase.Idle;
    private int _attempt;
    private bool _commanded;
    private bool _verified;
    private string? _fault;

    public GpioConnectorLock(IGpioLineSource gpio, ConnectorLockOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _options = options;
        var opened = new List<IDisposable>();
        try
        {
            _lockDrive = Track(opened, gpio.OpenOutput(options.LockLine, "chargepoint-lock", false, options.DriveActiveLow));
            _unlockDrive = Track(opened, gpio.OpenOutput(options.UnlockLine, "chargepoint-unlock", false, options.DriveActiveLow));
            _feedback = Track(opened, gpio.OpenInput(options.FeedbackLine, "chargepoint-lock-fb", TimeSpan.FromMilliseconds(10), options.FeedbackActiveLow));
        }
        catch
        {
            opened.ForEach(d => d.Dispose());
            throw;
        }

        _timer = time.CreateTimer(_ => OnTimer(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private enum Phase
    {
        Idle,
        Driving,
        Settling,
    }

    public bool IsCommandedLocked
    {
        get
        {
            lock (_gate)
            {
                return _commanded;
            }
        }
    }

    public bool IsFeedbackLocked => _feedback.Read();

    /// <summary>True while a command is being carried out (motor driven or settling).</summary>
    public bool IsMoving
    {
        get
        {
            lock (_gate)
            {
                return _phase != Phase.Idle;
            }
        }
    }

    public string? Fault
    {
        get
        {
            lock (_gate)
            {
                if (_fault is null && _phase == Phase.Idle && _verified && _feedback.Read() != _commanded)
                {
                    _fault = $"Connector lock feedback on {_feedback.Name} reports {Describe(!_commanded)} while it is {Describe(_commanded)}.";
                }

                return _fault;
            }
        }
    }

    public void Lock() => Command(true);

    public void Unlock() => Command(false);

    public void Dispose()
    {
        _timer.Dispose();
        _lockDrive.Write(false);
        _unlockDrive.Write(false);
        _feedback.Dispose();
        _unlockDrive.Dispose();
        _lockDrive.Dispose();
    }

    private static T Track<T>(List<IDisposable> opened, T line)
        where T : IDisposable
    {
        opened.Add(line);
        return line;
    }

    private static string Describe(bool locked) => locked ? "locked" : "unlocked";

    private void Command(bool locked)
    {
        lock (_gate)
        {
            _commanded = locked;
            _fault = null;
            _verified = false;
            _attempt = 1;
            StartPulseLocked();
        }
    }

    private void StartPulseLocked()
    {
        // Break before make: the H-bridge must never see both directions asserted.
        (_commanded ? _unlockDrive : _lockDrive).Write(false);
        (_commanded ? _lockDrive : _unlockDrive).Write(true);
        _phase = Phase.Driving;
        _timer.Change(_options.PulseDuration, Timeout.InfiniteTimeSpan);
    }

    private void OnTimer()
    {
        lock (_gate)
        {
            switch (_phase)
            {
                case Phase.Driving:
                    _lockDrive.Write(false);
                    _unlockDrive.Write(false);
                    _phase = Phase.Settling;
                    _timer.Change(_options.FeedbackSettleTime, Timeout.InfiniteTimeSpan);
                    break;
                case Phase.Settling when _feedback.Read() == _commanded:
                    _phase = Phase.Idle;
                    _verified = true;
                    break;
                case Phase.Settling when _attempt < _options.Attempts:
                    _attempt++;
                    StartPulseLocked();
                    break;
                case Phase.Settling:
                    _phase = Phase.Idle;
                    _fault = $"Connector lock did not reach {Describe(_commanded)} after {_attempt} attempt(s): feedback on {_feedback.Name} still reports {Describe(!_commanded)}.";
                    break;
            }
        }
    }
}
