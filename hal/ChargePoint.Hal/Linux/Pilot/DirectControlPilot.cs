using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.Hal.Linux.Iio;
using ChargePoint.Hal.Linux.Pwm;

namespace ChargePoint.Hal.Linux.Pilot;

/// <summary>
/// <see cref="IControlPilot"/> on SoC peripherals (<see cref="DirectControlPilotOptions"/>): X1 is 100 % duty,
/// F is 0 % duty (the driver stage then holds −12 V), PWM is the duty in nanoseconds of the period, and E needs
/// an optional GPIO that ties the pilot to PE. Without that line <see cref="SupportsStateE"/> is false.
/// The plateaus come from hardware peak detectors; with an optional reset line each reading is followed by a
/// reset pulse that discharges the hold capacitors, so the next reading (a sample period later, many PWM periods)
/// holds only the plateaus since then. Without it a detector keeps the highest level ever seen and a B → C step
/// (9 V → 6 V) would only show as the capacitor leaks.
/// </summary>
public sealed class DirectControlPilot : IControlPilot
{
    private readonly Lock _gate = new();
    private readonly SysfsPwmChannel _pwm;
    private readonly IioAdcChannel _high;
    private readonly IioAdcChannel _low;
    private readonly IGpioOutput? _stateELine;
    private readonly IGpioOutput? _peakReset;
    private readonly DirectControlPilotOptions _options;
    private PilotOutput _output;

    public DirectControlPilot(DirectControlPilotOptions options, GpioLineRequest? stateELine = null)
        : this(options, stateELine is null ? null : new GpioOutputLine("state-e", stateELine, false), peakDetectorReset: null)
    {
    }

    /// <summary>Opens the PWM and ADC channels; <paramref name="stateELine"/> ties the pilot to PE for state E and
    /// <paramref name="peakDetectorReset"/> discharges the peak detectors after each reading (both optional).</summary>
    public DirectControlPilot(DirectControlPilotOptions options, IGpioOutput? stateELine, IGpioOutput? peakDetectorReset)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.PeakResetPulse.Ticks, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.PeakResetPulse, TimeSpan.FromMilliseconds(1), nameof(options));
        _peakReset = peakDetectorReset;
        _peakReset?.Write(false);
        _options = options;
        _pwm = SysfsPwmChannel.Open(options.SysfsPwmRoot, options.PwmChip, options.PwmChannel);
        _high = IioAdcChannel.Open(options.SysfsIioRoot, options.AdcDevice, options.HighPeakChannel);
        _low = IioAdcChannel.Open(options.SysfsIioRoot, options.AdcDevice, options.LowPeakChannel);
        _stateELine = stateELine;
        SetOutput(PilotOutput.ConstantHigh);
    }

    public bool SupportsStateE => _stateELine is not null;

    public PilotOutput Output
    {
        get
        {
            lock (_gate)
            {
                return _output;
            }
        }
    }

    public void SetOutput(PilotOutput output)
    {
        lock (_gate)
        {
            var stateE = output.Mode == PilotOutputMode.StateE && _stateELine is not null;
            _stateELine?.Write(stateE);
            var dutyPercent = output.Mode switch
            {
                PilotOutputMode.ConstantHigh => 100.0,
                PilotOutputMode.Pwm => output.DutyPercent,
                _ => 0.0,
            };
            _pwm.Configure(_options.PeriodNanoseconds, (long)Math.Round(_options.PeriodNanoseconds * dutyPercent / 100.0));
            _pwm.Enable(true);
            _output = output.Mode == PilotOutputMode.StateE && !stateE ? PilotOutput.StateF : output;
        }
    }

    /// <summary>True when a peak-detector reset line is wired.</summary>
    public bool ResetsPeakDetectors => _peakReset is not null;

    public PilotMeasurement ReadMeasurement()
    {
        lock (_gate)
        {
            var measurement = new PilotMeasurement(
                (_high.ReadMillivolts() * _options.HighGainVoltsPerMillivolt) + _options.HighOffsetVolts,
                (_low.ReadMillivolts() * _options.LowGainVoltsPerMillivolt) + _options.LowOffsetVolts);
            ResetPeakDetectors();
            return measurement;
        }
    }

    private void ResetPeakDetectors()
    {
        if (_peakReset is null)
        {
            return;
        }

        _peakReset.Write(true);
        try
        {
            // The discharge needs microseconds; sleeping would cost a scheduler tick, so spin for the short pulse.
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            while (System.Diagnostics.Stopwatch.GetElapsedTime(start) < _options.PeakResetPulse)
            {
                Thread.SpinWait(20);
            }
        }
        finally
        {
            _peakReset.Write(false);
        }
    }
}
