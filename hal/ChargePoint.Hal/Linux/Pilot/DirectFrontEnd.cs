using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.Hal.Linux.Iio;

namespace ChargePoint.Hal.Linux.Pilot;

/// <summary>
/// The direct front end of a board without a pilot MCU, built from <see cref="DirectFrontEndOptions"/>: the
/// <see cref="DirectControlPilot"/> (sysfs PWM, IIO peak detectors, optional state-E and peak-reset lines), PP on an
/// IIO channel, the contactors and the emergency stop on GPIO lines. Unlike the MCU, nothing here goes safe by
/// itself if the process hangs: the board's watchdog must be enabled.
/// </summary>
public sealed class DirectFrontEnd : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public DirectFrontEnd(LinuxHardwareOptions options, IGpioLineSource gpio)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(gpio);
        var direct = options.Direct;
        try
        {
            // Contactors first: their outputs are claimed low, so the power path is open before the pilot starts.
            Contactors = [.. direct.Contactors.Select(c => Own(new GpioContactor(gpio, c.Name, c.DriveLine, c.FeedbackLine, c.FeedbackActiveLow)))];
            EmergencyStop = Own(new GpioEmergencyStop(gpio, options.EmergencyStopLine));
            var stateE = string.IsNullOrWhiteSpace(direct.StateELine) ? null : Own(gpio.OpenOutput(direct.StateELine, "chargepoint-cp-state-e", false, activeLow: false));
            var peakReset = string.IsNullOrWhiteSpace(direct.PeakResetLine) ? null : Own(gpio.OpenOutput(direct.PeakResetLine, "chargepoint-cp-peak-reset", false, activeLow: false));
            var iioRoot = Path.Combine(options.SysfsRoot, "bus", "iio", "devices");
            ControlPilot = new DirectControlPilot(
                new DirectControlPilotOptions
                {
                    SysfsPwmRoot = Path.Combine(options.SysfsRoot, "class", "pwm"),
                    PwmChip = direct.PwmChip,
                    PwmChannel = direct.PwmChannel,
                    SysfsIioRoot = iioRoot,
                    AdcDevice = direct.AdcDevice,
                    HighPeakChannel = direct.HighPeakChannel,
                    LowPeakChannel = direct.LowPeakChannel,
                    HighGainVoltsPerMillivolt = direct.HighGainVoltsPerMillivolt,
                    HighOffsetVolts = direct.HighOffsetVolts,
                    LowGainVoltsPerMillivolt = direct.LowGainVoltsPerMillivolt,
                    LowOffsetVolts = direct.LowOffsetVolts,
                    PeakResetPulse = direct.PeakResetPulse,
                },
                stateE,
                peakReset);
            ProximityPilot = direct.ProximityChannel < 0
                ? null
                : new IioProximityPilot(IioAdcChannel.Open(iioRoot, direct.AdcDevice, direct.ProximityChannel), direct.ProximityPullUpOhms, direct.ProximitySupplyVolts);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public DirectControlPilot ControlPilot { get; }

    public IProximityPilot? ProximityPilot { get; }

    public IReadOnlyList<IContactor> Contactors { get; } = [];

    public IEmergencyStop EmergencyStop { get; }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
