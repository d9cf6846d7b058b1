using ChargePoint.Hal.Drivers.MeanWell;
using ChargePoint.Hal.Drivers.PilotMcu;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Configuration;

/// <summary>
/// Where the station's hardware is on a Linux board. Bound from configuration section "Hardware"; every device
/// name comes from here and is checked at startup by <see cref="LinuxHardwareValidator"/>.
/// </summary>
public sealed record LinuxHardwareOptions
{
    public const string SectionName = "Hardware";

    /// <summary>Root of device nodes (changed only by tests).</summary>
    public string DevRoot { get; init; } = "/dev";

    /// <summary>Root of sysfs (changed only by tests).</summary>
    public string SysfsRoot { get; init; } = "/sys";

    /// <summary>Which pilot front end the board has: the MCU over <see cref="PilotMcuSerial"/> (default) or the
    /// SoC's own PWM/ADC/GPIO described by <see cref="Direct"/>.</summary>
    public PilotFrontEndKind PilotFrontEnd { get; init; } = PilotFrontEndKind.Mcu;

    public DirectFrontEndOptions Direct { get; init; } = new();

    /// <summary>UART to the pilot front-end MCU (PROTOCOL.md in Drivers/PilotMcu).</summary>
    public SerialPortOptions PilotMcuSerial { get; init; } = new() { Device = "/dev/ttymxc1", BaudRate = 115200 };

    public PilotMcuOptions PilotMcu { get; init; } = new();

    /// <summary>RS-485 bus of the energy meter.</summary>
    public SerialPortOptions MeterSerial { get; init; } = new() { Device = "/dev/ttymxc2", BaudRate = 9600, Rs485 = true };

    public byte MeterUnitAddress { get; init; } = 1;

    public ModbusRtuOptions Modbus { get; init; } = new();

    /// <summary>SocketCAN interface of the power module.</summary>
    public string PowerModuleCanInterface { get; init; } = "can0";

    /// <summary>A serial-line (LAWICEL/SLCAN) USB-CAN adapter for the power module instead of SocketCAN: when its
    /// Device is set, <see cref="PowerModuleCanInterface"/> is not used.</summary>
    public SerialPortOptions PowerModuleSerialCan { get; init; } = new() { Device = "", BaudRate = 115200 };

    /// <summary>Bitrate the serial-line adapter is opened with (SocketCAN's is set by `ip link`).</summary>
    public int PowerModuleCanBitrate { get; init; } = 250_000;

    public Bic2200Options PowerModule { get; init; } = new();

    /// <summary>Optional GPIO lines, found by name on <see cref="GpioChip"/> (device-tree gpio-line-names).</summary>
    public string GpioChip { get; init; } = "gpiochip0";

    /// <summary>Name of the emergency-stop input line (active low); empty to take it from the MCU.</summary>
    public string EmergencyStopLine { get; init; } = "";

    /// <summary>Optional sysfs PWM channel used as a hardware-independent fan or pilot test output; -1 when unused.</summary>
    public int PwmChip { get; init; } = -1;

    public int PwmChannel { get; init; }

    /// <summary>Optional IIO ADC (device name) for auxiliary voltage sensing; empty when unused.</summary>
    public string AdcDevice { get; init; } = "";

    public int AdcChannel { get; init; }

    /// <summary>Residual current monitor on GPIO lines; absent when its trip line is empty.</summary>
    public ResidualCurrentMonitorOptions ResidualCurrentMonitor { get; init; } = new();

    /// <summary>DC insulation monitor (GPIO alarm contacts or Modbus RTU); absent by default.</summary>
    public IsolationMonitorOptions IsolationMonitor { get; init; } = new();

    /// <summary>Motor-driven connector lock on GPIO lines; absent when no line is set.</summary>
    public ConnectorLockOptions ConnectorLock { get; init; } = new();

    /// <summary>The SoC watchdog; empty only with the pilot MCU front end, whose own heartbeat timeout then is the
    /// one independent safety path if the process hangs.</summary>
    public string WatchdogDevice { get; init; } = "/dev/watchdog";

    public TimeSpan WatchdogTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
