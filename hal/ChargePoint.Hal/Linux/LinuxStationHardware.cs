using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Drivers.Eastron;
using ChargePoint.Hal.Drivers.MeanWell;
using ChargePoint.Hal.Drivers.PilotMcu;
using ChargePoint.Hal.Linux.Can;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Pilot;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Linux.Watchdog;

namespace ChargePoint.Hal.Linux;

/// <summary>
/// The station hardware of a Linux EVSE board: pilot, PP, contactors and emergency stop through the pilot MCU
/// over a UART (or, with PilotFrontEnd Direct, through the SoC's PWM, ADC and GPIO: <see cref="DirectFrontEnd"/>), an SDM630 meter on RS-485 Modbus RTU, a BIC-2200 power module on SocketCAN (or a serial-line USB-CAN adapter), /dev/watchdog (optional with the MCU) and an
/// optional GPIO emergency-stop loop, and the optional safety peripherals of <see cref="LinuxSafetyDevices"/>
/// (residual current monitor, insulation monitor, connector lock; null when not configured). The configuration is
/// validated before anything is opened.
/// </summary>
public sealed class LinuxStationHardware : IStationHardware, IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private LinuxStationHardware(LinuxHardwareOptions options, TimeProvider time)
    {
        try
        {
            var chip = options.PilotFrontEnd == PilotFrontEndKind.Direct || !string.IsNullOrEmpty(options.EmergencyStopLine) || LinuxSafetyDevices.NeedsGpio(options)
                ? Own(GpioChip.Open(Path.Combine(options.DevRoot, options.GpioChip)))
                : null;
            if (options.PilotFrontEnd == PilotFrontEndKind.Direct)
            {
                var direct = Own(new DirectFrontEnd(options, chip!));
                ControlPilot = direct.ControlPilot;
                ProximityPilot = direct.ProximityPilot;
                Contactors = direct.Contactors;
                EmergencyStop = direct.EmergencyStop;
            }
            else
            {
                var pilotPort = Own(SerialPort.Open(options.PilotMcuSerial));
                var frontEnd = Own(new PilotMcuFrontEnd(pilotPort, time, options.PilotMcu));
                if (!frontEnd.WaitForLink(TimeSpan.FromSeconds(2)))
                {
                    throw new HardwareConfigurationException([new($"{LinuxHardwareOptions.SectionName}:PilotMcuSerial", $"the pilot MCU on {options.PilotMcuSerial.Device} sent no status within 2 s.", $"check the wiring, the MCU firmware (link version {PilotMcuFrame.Version}) and the baud rate ({options.PilotMcuSerial.BaudRate}).")]);
                }

                ControlPilot = frontEnd;
                ProximityPilot = frontEnd;
                Contactors = frontEnd.Contactors;
                EmergencyStop = string.IsNullOrEmpty(options.EmergencyStopLine)
                    ? frontEnd
                    : new EitherEmergencyStop(frontEnd, Own(new GpioEmergencyStop(chip!, options.EmergencyStopLine)));
            }

            var meterPort = Own(SerialPort.Open(options.MeterSerial));
            var modbus = Own(new ModbusRtuMaster(meterPort, options.Modbus, time));
            EnergyMeter = new Sdm630Meter(modbus, options.MeterUnitAddress, time, $"SDM630-{options.MeterUnitAddress}");
            var safetyDevices = Own(new LinuxSafetyDevices(options, chip, modbus, time));
            ResidualCurrentMonitor = safetyDevices.ResidualCurrentMonitor;
            IsolationMonitor = safetyDevices.IsolationMonitor;
            ConnectorLock = safetyDevices.ConnectorLock;
            ICanBus can = string.IsNullOrWhiteSpace(options.PowerModuleSerialCan.Device)
                ? Own(SocketCanBus.Open(options.PowerModuleCanInterface))
                : Own(SerialLineCanBus.Open(options.PowerModuleSerialCan, options.PowerModuleCanBitrate));
            PowerModule = Own(new Bic2200PowerModule(can, options.PowerModule, time));
            Watchdog = string.IsNullOrWhiteSpace(options.WatchdogDevice) ? null : Own(LinuxWatchdog.Open(options.WatchdogDevice, options.WatchdogTimeout));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public IControlPilot ControlPilot { get; }

    public IProximityPilot? ProximityPilot { get; }

    public IReadOnlyList<IContactor> Contactors { get; }

    public IResidualCurrentMonitor? ResidualCurrentMonitor { get; }

    public IIsolationMonitor? IsolationMonitor { get; }

    public IEmergencyStop EmergencyStop { get; }

    public IConnectorLock? ConnectorLock { get; }

    public IBidirectionalPowerModule PowerModule { get; }

    public IEnergyMeter EnergyMeter { get; }

    public IHardwareWatchdog? Watchdog { get; }

    /// <summary>Validates <paramref name="options"/> and opens every device; throws
    /// <see cref="HardwareConfigurationException"/> listing every configuration error at once.</summary>
    public static LinuxStationHardware Open(LinuxHardwareOptions options, TimeProvider time, IHardwareProbe? probe = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var problems = new LinuxHardwareValidator(probe ?? new LinuxHardwareProbe(options.SysfsRoot)).Check(options);
        if (problems.Count > 0)
        {
            throw new HardwareConfigurationException(problems);
        }

        return new LinuxStationHardware(options, time);
    }

    public void Dispose()
    {
        // Reverse order: the watchdog's magic close comes first, the pilot link (which the MCU answers by going
        // safe) last.
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

    private sealed class EitherEmergencyStop(IEmergencyStop first, IEmergencyStop second) : IEmergencyStop
    {
        public bool IsPressed => first.IsPressed || second.IsPressed;
    }
}
