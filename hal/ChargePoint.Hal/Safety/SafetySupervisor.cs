using ChargePoint.Hal.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Hal.Safety;

/// <summary>
/// The safety reaction. Polls every safety input (emergency stop, residual current, insulation, power-module
/// health, contactor feedback, meter health) and takes any fault to the safe state: power module off,
/// contactors open at once, closing locked out, fault latched and reported. Other components report faults they
/// detect (pilot, diode) through <see cref="Report"/>. The latch clears only through <see cref="TryClear"/> and
/// only when no cause remains.
/// </summary>
public sealed class SafetySupervisor : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IStationHardware _hardware;
    private readonly PowerPath _powerPath;
    private readonly TimeProvider _time;
    private readonly SafetyOptions _options;
    private readonly ILogger _logger;
    private readonly ContactorMonitor _contactorMonitor;
    private readonly List<SafetyFault> _activeFaults = [];
    private readonly IsolationThresholds _isolationThresholds;
    private int _isolationWarningActive;
    private ITimer? _pollTimer;
    private ITimer? _meterTimer;
    private int _meterFailures;
    private int _meterReadInFlight;

    public SafetySupervisor(IStationHardware hardware, PowerPath powerPath, TimeProvider time, SafetyOptions options, ILogger<SafetySupervisor>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(powerPath);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        _hardware = hardware;
        _powerPath = powerPath;
        _time = time;
        _options = options;
        _logger = logger ?? NullLogger<SafetySupervisor>.Instance;
        _contactorMonitor = new ContactorMonitor(hardware.Contactors, time, options.ContactorFeedbackTimeout);
        _isolationThresholds = options.IsolationThresholds;
    }

    /// <summary>Raised when the insulation enters the IEC 61851-23 warning band (charging goes on); raised again
    /// only after it has left the band.</summary>
    public event EventHandler<IsolationStatus>? IsolationWarning;

    /// <summary>True while the last insulation judgement was a warning.</summary>
    public bool IsIsolationWarningActive => Volatile.Read(ref _isolationWarningActive) == 1;

    /// <summary>Raised once per newly latched fault, after the safe state has been commanded.</summary>
    public event EventHandler<SafetyFault>? FaultRaised;

    /// <summary>Raised when <see cref="TryClear"/> has cleared every latched fault.</summary>
    public event EventHandler? FaultsCleared;

    /// <summary>Raised after every successful meter read.</summary>
    public event EventHandler<MeterReading>? MeterRead;

    public bool IsFaulted
    {
        get
        {
            lock (_gate)
            {
                return _activeFaults.Count > 0;
            }
        }
    }

    public IReadOnlyList<SafetyFault> ActiveFaults
    {
        get
        {
            lock (_gate)
            {
                return [.. _activeFaults];
            }
        }
    }

    public MeterReading? LastMeterReading { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            _pollTimer ??= _time.CreateTimer(_ => Poll(), null, TimeSpan.Zero, _options.PollPeriod);
            _meterTimer ??= _time.CreateTimer(_ => _ = PollMeterAsync(), null, _options.MeterPollPeriod, _options.MeterPollPeriod);
        }
    }

    /// <summary>Checks every input once; called by the poll timer and usable directly after a known event.</summary>
    public void Poll()
    {
        SafetyFault? fault;
        try
        {
            fault = CheckInputs();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // An input whose state is unknown is treated as unsafe.
            fault = new SafetyFault(SafetyFaultKind.HardwareUnreadable, $"Reading safety inputs failed: {ex.Message}", _time.GetUtcNow());
        }

        if (fault is not null)
        {
            Report(fault);
        }
    }

    /// <summary>Trips the safety reaction for a fault found elsewhere (pilot, diode, driver).</summary>
    public void Report(SafetyFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            if (_activeFaults.Any(f => f.Kind == fault.Kind))
            {
                return;
            }

            _powerPath.TripOpen(fault.ToString());
            _activeFaults.Add(fault);
        }

        _logger.LogError("Safety fault {Kind}: {Detail}. Power module off, contactors open, closing locked out.", fault.Kind, fault.Detail);
        FaultRaised?.Invoke(this, fault);
    }

    /// <summary>Clears the latch when no cause persists. Returns false (and keeps the lockout) otherwise.</summary>
    public bool TryClear()
    {
        lock (_gate)
        {
            if (_activeFaults.Count == 0)
            {
                return true;
            }

            bool stillPresent;
            try
            {
                stillPresent = CheckInputs() is not null || _contactorMonitor.AnyDisagreement();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                stillPresent = true;
            }

            if (stillPresent)
            {
                return false;
            }

            _activeFaults.Clear();
            _meterFailures = 0;
            _powerPath.ClearLockout();
        }

        _logger.LogInformation("Safety faults cleared; closing the power path is allowed again.");
        FaultsCleared?.Invoke(this, EventArgs.Empty);
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _pollTimer?.Dispose();
            _meterTimer?.Dispose();
        }
    }

    private SafetyFault? CheckInputs()
    {
        var now = _time.GetUtcNow();
        if (_hardware.EmergencyStop.IsPressed)
        {
            return new SafetyFault(SafetyFaultKind.EmergencyStop, "Emergency stop pressed.", now);
        }

        if (_hardware.ResidualCurrentMonitor is { IsTripped: true } rcd)
        {
            var milliamperes = rcd.ReadResidualCurrentMilliamperes();
            return new SafetyFault(SafetyFaultKind.ResidualCurrentTrip, double.IsNaN(milliamperes) ? "Residual current monitor tripped." : $"Residual current monitor tripped ({milliamperes:0.0} mA).", now);
        }

        if (_hardware.IsolationMonitor is { IsMeasuring: true } imd)
        {
            var isolation = imd.ReadStatus(_isolationThresholds);
            if (isolation.Condition == IsolationCondition.Fault)
            {
                return new SafetyFault(SafetyFaultKind.IsolationFault, isolation.Detail, now);
            }

            NoteIsolationWarning(isolation);
        }

        if (_hardware.ConnectorLock?.Fault is { } lockFault)
        {
            return new SafetyFault(SafetyFaultKind.ConnectorLockFault, lockFault, now);
        }

        var status = _hardware.PowerModule.ReadStatus();
        var age = now - status.UpdatedAt;
        if ((status.Faults & PowerModuleFaults.CommunicationLost) != 0 || age > _options.PowerModuleCommunicationTimeout)
        {
            return new SafetyFault(SafetyFaultKind.PowerModuleCommunicationLost, $"No status from the power module for {age.TotalMilliseconds:0} ms.", now);
        }

        if ((status.Faults & ~PowerModuleFaults.CommunicationLost) != 0)
        {
            return new SafetyFault(SafetyFaultKind.PowerModuleFault, $"Power module reports {status.Faults}.", now);
        }

        lock (_gate)
        {
            return _contactorMonitor.Check();
        }
    }

    private void NoteIsolationWarning(IsolationStatus isolation)
    {
        var warning = isolation.Condition == IsolationCondition.Warning;
        if (Interlocked.Exchange(ref _isolationWarningActive, warning ? 1 : 0) == (warning ? 1 : 0) || !warning)
        {
            return;
        }

        _logger.LogWarning("Insulation warning: {Detail}", isolation.Detail);
        IsolationWarning?.Invoke(this, isolation);
    }

    private async Task PollMeterAsync()
    {
        if (Interlocked.Exchange(ref _meterReadInFlight, 1) == 1)
        {
            return;
        }

        try
        {
            MeterReadResult result;
            try
            {
                result = await _hardware.EnergyMeter.ReadAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException)
            {
                result = MeterReadResult.Failure(MeterErrorKind.CommunicationError, ex.Message);
            }

            if (result.Reading is { } reading)
            {
                _meterFailures = 0;
                LastMeterReading = reading;
                MeterRead?.Invoke(this, reading);
                return;
            }

            _logger.LogWarning("Energy meter read failed: {Error}", result.Error);
            if (++_meterFailures >= _options.MeterFailuresBeforeFault)
            {
                Report(new SafetyFault(SafetyFaultKind.MeterTimeout, $"Energy meter failed {_meterFailures} consecutive reads; last error {result.Error}.", _time.GetUtcNow()));
            }
        }
        finally
        {
            Volatile.Write(ref _meterReadInFlight, 0);
        }
    }
}
