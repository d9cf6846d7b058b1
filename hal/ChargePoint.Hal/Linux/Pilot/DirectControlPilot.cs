using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.Hal.Linux.Iio;
using ChargePoint.Hal.Linux.Pwm;

namespace ChargePoint.Hal.Linux.Pilot;

/// <summary>
/// <see cref="IControlPilot"/> on SoC peripherals (<see cref="DirectControlPilotOptions"/>): X1 is 100 % duty,
/// F is 0 % duty (the driver stage then holds −12 V), PWM is the duty in nanoseconds of the period, and E needs
/// an optional GPIO that ties the pilot to PE. Without that line <see cref="SupportsStateE"/> is false.
/// </summary>
public sealed class DirectControlPilot : IControlPilot
{
    private readonly Lock _gate = new();
    private readonly SysfsPwmChannel _pwm;
    private readonly IioAdcChannel _high;
    private readonly IioAdcChannel _low;
    private readonly GpioLineRequest? _stateELine;
    private readonly DirectControlPilotOptions _options;
    private PilotOutput _output;

    public DirectControlPilot(DirectControlPilotOptions options, GpioLineRequest? stateELine = null)
    {
        ArgumentNullException.ThrowIfNull(options);
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
            _stateELine?.SetValue(0, stateE);
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

    public PilotMeasurement ReadMeasurement() => new(
        (_high.ReadMillivolts() * _options.HighGainVoltsPerMillivolt) + _options.HighOffsetVolts,
        (_low.ReadMillivolts() * _options.LowGainVoltsPerMillivolt) + _options.LowOffsetVolts);
}
