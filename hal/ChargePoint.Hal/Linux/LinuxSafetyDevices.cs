using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Linux;

/// <summary>
/// The optional safety peripherals of a Linux board, built from <see cref="LinuxHardwareOptions"/>: the residual
/// current monitor and connector lock on GPIO lines, the insulation monitor on GPIO alarm contacts or Modbus RTU
/// (sharing the meter's RS-485 master unless it has its own serial port). Devices not configured stay null.
/// Split from <see cref="LinuxStationHardware"/> so that the composition runs in tests on fake lines and a
/// pseudo-terminal.
/// </summary>
public sealed class LinuxSafetyDevices : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>Opens the configured devices. <paramref name="gpio"/> is required when any GPIO device is configured;
    /// <paramref name="meterBus"/> is the meter's Modbus master, shared by a Modbus insulation monitor without its own
    /// port.</summary>
    public LinuxSafetyDevices(LinuxHardwareOptions options, IGpioLineSource? gpio, ModbusRtuMaster meterBus, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meterBus);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            if (options.ResidualCurrentMonitor.IsConfigured)
            {
                ResidualCurrentMonitor = Own(new GpioResidualCurrentMonitor(RequireGpio(gpio), options.ResidualCurrentMonitor, time));
            }

            IsolationMonitor = options.IsolationMonitor.Kind switch
            {
                IsolationMonitorKind.Gpio => Own(new GpioIsolationMonitor(RequireGpio(gpio), options.IsolationMonitor)),
                IsolationMonitorKind.Modbus => OpenModbusMonitor(options, gpio, meterBus, time),
                _ => null,
            };
            if (options.ConnectorLock.IsConfigured)
            {
                ConnectorLock = Own(new GpioConnectorLock(RequireGpio(gpio), options.ConnectorLock, time));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IResidualCurrentMonitor? ResidualCurrentMonitor { get; }

    public IIsolationMonitor? IsolationMonitor { get; }

    public IConnectorLock? ConnectorLock { get; }

    /// <summary>True when any configured device sits on GPIO lines (the caller then opens the chip).</summary>
    public static bool NeedsGpio(LinuxHardwareOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ResidualCurrentMonitor.IsConfigured || options.ConnectorLock.IsConfigured
            || options.IsolationMonitor.Kind == IsolationMonitorKind.Gpio
            || (options.IsolationMonitor.Kind == IsolationMonitorKind.Modbus && !string.IsNullOrWhiteSpace(options.IsolationMonitor.EnableLine));
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    private static IGpioLineSource RequireGpio(IGpioLineSource? gpio) =>
        gpio ?? throw new InvalidOperationException("A GPIO device is configured but no GPIO chip was opened.");

    private ModbusIsolationMonitor OpenModbusMonitor(LinuxHardwareOptions options, IGpioLineSource? gpio, ModbusRtuMaster meterBus, TimeProvider time)
    {
        var imd = options.IsolationMonitor;
        var master = meterBus;
        if (!string.IsNullOrWhiteSpace(imd.Serial.Device))
        {
            var port = Own(SerialPort.Open(imd.Serial));
            master = Own(new ModbusRtuMaster(port, options.Modbus, time));
        }

        var enable = string.IsNullOrWhiteSpace(imd.EnableLine) ? null : RequireGpio(gpio).OpenOutput(imd.EnableLine, "chargepoint-imd-enable", false, activeLow: false);
        return Own(new ModbusIsolationMonitor(master, imd, time, enable));
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
