using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Safety;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Hal.Pilot;

/// <summary>
/// The EVSE side of IEC 61851-1 Annex A. Samples the pilot, classifies it with hysteresis and debouncing, and
/// carries out the required reactions (Table A.6):
/// <list type="bullet">
/// <item>C/D → B, any → A, E, F or an invalid level: contactors open within 100 ms (sequences 2, 8.1);</item>
/// <item>B2 → C2 with power allowed: contactors closed at once, well within 3 s (sequence 4);</item>
/// <item>X2 → X1 while the vehicle stays in C: power cut after 6 s at the latest (sequence 10.2);</item>
/// <item>diode missing while PWM runs, or an invalid level: reported to the safety supervisor;</item>
/// <item>the E/F error routine used by the ISO 15118-3 SLAC retries (T_step_EF ≥ 4 s, then the previous PWM).</item>
/// </list>
/// Any safety fault drives the pilot to F (EVSE not available) until the fault clears.
/// </summary>
public sealed class PilotController : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IControlPilot _pilot;
    private readonly PowerPath _powerPath;
    private readonly SafetySupervisor _supervisor;
    private readonly TimeProvider _time;
    private readonly PilotOptions _options;
    private readonly ILogger _logger;
    private readonly CpStateClassifier _classifier;
    private readonly ITimer _pauseTimer;
    private readonly ITimer _errorRoutineTimer;
    private ITimer? _sampleTimer;
    private CpState _candidate = CpState.Invalid;
    private int _candidateCount;
    private int _diodeFaultCount;
    private int _invalidCount;
    private PilotOutput? _outputAfterErrorRoutine;
    private bool _powerAllowed;
    private bool _pauseArmed;

    public PilotController(IControlPilot pilot, PowerPath powerPath, SafetySupervisor supervisor, TimeProvider time, PilotOptions options, ILogger<PilotController>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        ArgumentNullException.ThrowIfNull(powerPath);
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }

        _pilot = pilot;
        _powerPath = powerPath;
        _supervisor = supervisor;
        _time = time;
        _options = options;
        _logger = logger ?? NullLogger<PilotController>.Instance;
        _classifier = new CpStateClassifier(options.Bands);
        _pauseTimer = time.CreateTimer(_ => OnPauseTimeout(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _errorRoutineTimer = time.CreateTimer(_ => OnErrorRoutineElapsed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _supervisor.FaultRaised += OnSafetyFault;
        _supervisor.FaultsCleared += OnSafetyCleared;
    }

    /// <summary>Raised after each debounced state change, once the reaction has been carried out.</summary>
    public event EventHandler<CpStateChange>? StateChanged;

    /// <summary>Raised when the E/F error routine has ended and the previous PWM is back on.</summary>
    public event EventHandler? ErrorRoutineCompleted;

    /// <summary>The debounced pilot state; <see cref="CpState.Invalid"/> until the first classification.</summary>
    public CpState State { get; private set; } = CpState.Invalid;

    public PilotOutput Output => _pilot.Output;

    public bool IsPowerAllowed
    {
        get
        {
            lock (_gate)
            {
                return _powerAllowed;
            }
        }
    }

    public bool IsErrorRoutineRunning
    {
        get
        {
            lock (_gate)
            {
                return _outputAfterErrorRoutine is not null;
            }
        }
    }

    /// <summary>Drives X1 (or F while a fault is latched) and starts sampling.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _pilot.SetOutput(_supervisor.IsFaulted ? PilotOutput.StateF : PilotOutput.ConstantHigh);
            _sampleTimer ??= _time.CreateTimer(_ => Sample(), null, TimeSpan.Zero, _options.SamplePeriod);
        }
    }

    /// <summary>Whether the charging logic allows energy transfer (AC: authorised and not paused; DC: the module
    /// is ready for cable check or charging). Closing still needs state C (or D with ventilation) and PWM.</summary>
    public void AllowPower(bool allowed)
    {
        lock (_gate)
        {
            _powerAllowed = allowed;
            ApplyPowerDecision(allowed ? "power allowed" : "power no longer allowed by the charging logic");
        }
    }

    /// <summary>Offers a current through the nominal PWM duty (basic charging, Table A.7).</summary>
    public void OfferCurrent(double amperes) => SetPwm(DutyCycle.PercentForCurrent(amperes));

    /// <summary>5 % PWM: high-level communication required (ISO 15118-3 / IEC 61851-1 A.2.3).</summary>
    public void RequestHighLevelCommunication() => SetPwm(DutyCycle.HighLevelCommunicationPercent);

    /// <summary>Stops the PWM (X1). With the vehicle in C the EVSE pauses: it waits for B and forces power off
    /// after the 6 s of sequence 10.2.</summary>
    public void StopPwm() => SetOutput(PilotOutput.ConstantHigh, "PWM stopped");

    /// <summary>State F: the EVSE is not available. Power goes off at once.</summary>
    public void SetUnavailable() => SetOutput(PilotOutput.StateF, "EVSE set unavailable");

    /// <summary>
    /// The E/F error routine of ISO 15118-3 (e.g. after a SLAC failure): drives E (or F where E is not supported)
    /// for <see cref="PilotOptions.ErrorRoutineDuration"/>, then restores the previous PWM and raises
    /// <see cref="ErrorRoutineCompleted"/>. Counting the C_sequ_retry attempts is the caller's job.
    /// </summary>
    public void StartErrorRoutine()
    {
        lock (_gate)
        {
            if (_outputAfterErrorRoutine is not null)
            {
                return;
            }

            var previous = _pilot.Output;
            _outputAfterErrorRoutine = previous.IsPwm ? previous : PilotOutput.Pwm(DutyCycle.HighLevelCommunicationPercent);
            SetOutputLocked(_pilot.SupportsStateE ? PilotOutput.StateE : PilotOutput.StateF, "E/F error routine");
            _errorRoutineTimer.Change(_options.ErrorRoutineDuration, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        _supervisor.FaultRaised -= OnSafetyFault;
        _supervisor.FaultsCleared -= OnSafetyCleared;
        lock (_gate)
        {
            _sampleTimer?.Dispose();
            _pauseTimer.Dispose();
            _errorRoutineTimer.Dispose();
        }
    }

    private void SetPwm(double dutyPercent) => SetOutput(PilotOutput.Pwm(dutyPercent), $"PWM {dutyPercent:0.##} %");

    private void SetOutput(PilotOutput output, string reason)
    {
        lock (_gate)
        {
            if (_supervisor.IsFaulted && output.Mode != PilotOutputMode.StateF)
            {
                _logger.LogWarning("Pilot output {Output} refused: a safety fault is latched; the pilot stays in F.", output);
                return;
            }

            if (_outputAfterErrorRoutine is not null)
            {
                // The routine restores this output when it ends instead of the one it saved.
                _outputAfterErrorRoutine = output;
                return;
            }

            SetOutputLocked(output, reason);
        }
    }

    private void SetOutputLocked(PilotOutput output, string reason)
    {
        _pilot.SetOutput(output);
        _diodeFaultCount = 0;
        _invalidCount = 0;
        ApplyPowerDecision(reason);
    }

    private void Sample()
    {
        CpStateChange? change;
        SafetyFault? fault = null;
        lock (_gate)
        {
            PilotMeasurement measurement;
            try
            {
                measurement = _pilot.ReadMeasurement();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // Unknown pilot voltage classifies as Invalid and so ends in a pilot fault after the debounce.
                _logger.LogWarning(ex, "Reading the pilot failed.");
                measurement = new PilotMeasurement(double.NaN, double.NaN);
            }

            var commanded = _pilot.Output;

            // Judge the measurement against the output it was taken under; a command still in flight to a
            // front-end MCU must not look like a diode fault.
            var output = measurement.AppliedOutput ?? commanded;
            var raw = _classifier.Classify(measurement.HighPlateauVolts);
            if (raw == _candidate)
            {
                _candidateCount++;
            }
            else
            {
                _candidate = raw;
                _candidateCount = 1;
            }

            change = null;
            if (_candidateCount >= _options.DebounceSamples && raw != State)
            {
                change = new CpStateChange(State, raw, output, _time.GetUtcNow());
                State = raw;
                OnStateChangedLocked(change);
            }

            fault = IsSameOutput(output, commanded) ? CheckPilotHealthLocked(output, measurement) : null;
        }

        if (fault is not null)
        {
            _supervisor.Report(fault);
        }

        if (change is not null)
        {
            if (_logger.IsEnabled(LogLevel.Information))
            {
                _logger.LogInformation("Pilot {Previous} → {Current} (output {Output}).", change.Previous, change.Current, change.Output);
            }
            StateChanged?.Invoke(this, change);
        }
    }

    /// <summary>Same mode and duty within the 0.01 % resolution of a front-end link.</summary>
    private static bool IsSameOutput(PilotOutput applied, PilotOutput commanded) =>
        applied.Mode == commanded.Mode && Math.Abs(applied.DutyPercent - commanded.DutyPercent) < 0.011;

    private SafetyFault? CheckPilotHealthLocked(PilotOutput output, PilotMeasurement measurement)
    {
        var driving = output.Mode is PilotOutputMode.Pwm or PilotOutputMode.ConstantHigh;
        _invalidCount = driving && State == CpState.Invalid && _candidate == CpState.Invalid ? _invalidCount + 1 : 0;
        if (_invalidCount == _options.DebounceSamples)
        {
            return new SafetyFault(SafetyFaultKind.PilotFault, $"Pilot high plateau {measurement.HighPlateauVolts:0.00} V lies in no IEC 61851-1 band.", _time.GetUtcNow());
        }

        var diodeFault = DiodeCheck.IsDiodeFault(output, State, measurement, _options.DiodeFaultLowPlateauVolts);
        _diodeFaultCount = diodeFault ? _diodeFaultCount + 1 : 0;
        return _diodeFaultCount == _options.DebounceSamples
            ? new SafetyFault(SafetyFaultKind.DiodeFault, $"Pilot low plateau {measurement.LowPlateauVolts:0.00} V with PWM running: vehicle diode missing or shorted.", _time.GetUtcNow())
            : null;
    }

    private void OnStateChangedLocked(CpStateChange change)
    {
        // The first classification after start (from Invalid) is not an unplug and must not cancel a session.
        if (change.Current == CpState.A && change.Previous != CpState.Invalid)
        {
            // Unplugged: end of session. Power goes off, authorisation and PWM end with it (sequence 2).
            _powerAllowed = false;
            if (_outputAfterErrorRoutine is null && _pilot.Output.Mode == PilotOutputMode.Pwm)
            {
                _pilot.SetOutput(PilotOutput.ConstantHigh);
            }
        }

        ApplyPowerDecision($"pilot {change.Previous} → {change.Current}");
    }

    private void ApplyPowerDecision(string reason)
    {
        var output = _pilot.Output;
        var vehicleReady = State == CpState.C || (State == CpState.D && _options.VentilationAvailable);
        var wanted = _powerAllowed && output.IsPwm && vehicleReady && !_supervisor.IsFaulted;
        if (wanted)
        {
            DisarmPause();
            if (_powerPath.State != PowerPathState.Closed && _powerPath.TryClose())
            {
                if (_logger.IsEnabled(LogLevel.Information))
                {
                    _logger.LogInformation("Power path closed ({Reason}).", reason);
                }
            }

            return;
        }

        if (_powerPath.State == PowerPathState.Open)
        {
            DisarmPause();
            return;
        }

        var pausing = _powerAllowed && output.Mode == PilotOutputMode.ConstantHigh && vehicleReady;
        if (pausing)
        {
            // Sequence 10.2: the vehicle is asked to stop; give it up to 6 s to go to B before cutting under load.
            if (!_pauseArmed)
            {
                _pauseArmed = true;
                _pauseTimer.Change(_options.PauseForceOffTimeout, Timeout.InfiniteTimeSpan);
            }

            return;
        }

        DisarmPause();
        // The pilot filter already used part of the 100 ms; the power path keeps the rest of the budget.
        _powerPath.Open(reason, _options.DetectionLatency);
        if (_logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("Power path opening ({Reason}).", reason);
        }
    }

    private void DisarmPause()
    {
        if (_pauseArmed)
        {
            _pauseArmed = false;
            _pauseTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnPauseTimeout()
    {
        lock (_gate)
        {
            if (!_pauseArmed)
            {
                return;
            }

            _pauseArmed = false;
            if (_powerPath.State != PowerPathState.Open)
            {
                _logger.LogWarning("Vehicle stayed in {State} {Timeout} s after PWM stopped; forcing power off (IEC 61851-1 sequence 10.2).", State, _options.PauseForceOffTimeout.TotalSeconds);
                _powerPath.Open("vehicle did not stop within the pause timeout");
            }
        }
    }

    private void OnErrorRoutineElapsed()
    {
        lock (_gate)
        {
            if (_outputAfterErrorRoutine is not { } restore)
            {
                return;
            }

            _outputAfterErrorRoutine = null;
            SetOutputLocked(_supervisor.IsFaulted ? PilotOutput.StateF : restore, "error routine finished");
        }

        ErrorRoutineCompleted?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Leaves F for X1 once the supervisor has cleared its faults; the session logic offers PWM again.</summary>
    private void OnSafetyCleared(object? sender, EventArgs e)
    {
        lock (_gate)
        {
            if (_outputAfterErrorRoutine is null && _pilot.Output.Mode == PilotOutputMode.StateF)
            {
                SetOutputLocked(PilotOutput.ConstantHigh, "safety faults cleared");
            }
        }
    }

    private void OnSafetyFault(object? sender, SafetyFault fault)
    {
        lock (_gate)
        {
            _powerAllowed = false;
            DisarmPause();
            _pilot.SetOutput(PilotOutput.StateF);
        }
    }
}
