using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;

namespace ChargePoint.Hal.Linux.Gpio;

/// <summary>
/// An insulation monitor whose alarm relays are wired to GPIO inputs (fault = alarm 2, optional warning = alarm 1),
/// with an optional enable output asserted while measuring. Such a device reports levels, not a resistance; its
/// own response values are set on the device to the IEC 61851-23 levels of this charger.
/// </summary>
public sealed class GpioIsolationMonitor : IIsolationMonitor, IDisposable
{
    private readonly IGpioInput _fault;
    private readonly IGpioInput? _warning;
    private readonly IGpioOutput? _enable;
    private volatile bool _measuring;

    public GpioIsolationMonitor(IGpioLineSource gpio, IsolationMonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        var debounce = TimeSpan.FromMilliseconds(10);
        _fault = gpio.OpenInput(options.FaultLine, "chargepoint-imd-fault", debounce, options.AlarmActiveLow);
        try
        {
            _warning = string.IsNullOrWhiteSpace(options.WarningLine) ? null : gpio.OpenInput(options.WarningLine, "chargepoint-imd-warn", debounce, options.AlarmActiveLow);
            _enable = string.IsNullOrWhiteSpace(options.EnableLine) ? null : gpio.OpenOutput(options.EnableLine, "chargepoint-imd-enable", false, activeLow: false);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public bool IsMeasuring => _measuring;

    public void Start()
    {
        _enable?.Write(true);
        _measuring = true;
    }

    public void Stop()
    {
        _measuring = false;
        _enable?.Write(false);
    }

    public double? ReadIsolationResistanceOhms() => null;

    public IsolationStatus ReadStatus(IsolationThresholds thresholds)
    {
        if (!_measuring)
        {
            return new(IsolationCondition.Unknown, null, "The insulation monitor is not measuring.");
        }

        if (_fault.Read())
        {
            return new(IsolationCondition.Fault, null, $"The insulation monitor signals an insulation fault on {_fault.Name}.");
        }

        return _warning?.Read() == true
            ? new(IsolationCondition.Warning, null, $"The insulation monitor signals a pre-warning on {_warning.Name}.")
            : new(IsolationCondition.Valid, null, "No insulation alarm.");
    }

    public void Dispose()
    {
        _enable?.Dispose();
        _warning?.Dispose();
        _fault?.Dispose();
    }
}
