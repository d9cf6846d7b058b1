using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Simulated;
using ChargePoint.Hal.Tests.Linux.Gpio;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The composition of the optional safety peripherals from configuration, on fake lines and the meter's
/// RS-485 bus as a real pseudo-terminal.</summary>
public sealed class LinuxSafetyDevicesTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly FakeGpio _gpio;
    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly SerialPort _port;
    private readonly ModbusRtuMaster _meterBus;

    public LinuxSafetyDevicesTests()
    {
        _gpio = new FakeGpio(_time);
        _port = SerialPort.Open(new SerialPortOptions { Device = _pty.SecondaryPath, BaudRate = 115200 });
        _meterBus = new ModbusRtuMaster(_port, new ModbusRtuOptions { ResponseTimeout = TimeSpan.FromMilliseconds(200) }, _time);
    }

    [Fact]
    public void Nothing_configured_means_no_devices_and_no_gpio()
    {
        var options = new LinuxHardwareOptions();

        using var devices = new LinuxSafetyDevices(options, gpio: null, _meterBus, _time);

        Assert.False(LinuxSafetyDevices.NeedsGpio(options));
        Assert.Null(devices.ResidualCurrentMonitor);
        Assert.Null(devices.IsolationMonitor);
        Assert.Null(devices.ConnectorLock);
    }

    [Fact]
    public void Gpio_devices_are_built_on_the_configured_lines_and_release_them_on_dispose()
    {
        var options = new LinuxHardwareOptions
        {
            ResidualCurrentMonitor = new() { TripLine = "RCD_TRIP_N" },
            IsolationMonitor = new() { Kind = IsolationMonitorKind.Gpio, FaultLine = "IMD_ALARM2" },
            ConnectorLock = new() { LockLine = "LOCK_A", UnlockLine = "LOCK_B", FeedbackLine = "LOCK_FB" },
        };

        var devices = new LinuxSafetyDevices(options, _gpio, _meterBus, _time);

        Assert.True(LinuxSafetyDevices.NeedsGpio(options));
        Assert.IsType<GpioResidualCurrentMonitor>(devices.ResidualCurrentMonitor);
        Assert.IsType<GpioIsolationMonitor>(devices.IsolationMonitor);
        Assert.IsType<GpioConnectorLock>(devices.ConnectorLock);
        Assert.All(new[] { "RCD_TRIP_N", "IMD_ALARM2", "LOCK_A", "LOCK_B", "LOCK_FB" }, name => Assert.True(_gpio[name].IsRequested, name));

        devices.Dispose();
        Assert.All(new[] { "RCD_TRIP_N", "IMD_ALARM2", "LOCK_A", "LOCK_B", "LOCK_FB" }, name => Assert.False(_gpio[name].IsRequested, name));
    }

    [Fact]
    public void A_failure_half_way_releases_the_lines_already_claimed()
    {
        _gpio.Missing.Add("LOCK_FB");
        var options = new LinuxHardwareOptions
        {
            ResidualCurrentMonitor = new() { TripLine = "RCD_TRIP_N" },
            ConnectorLock = new() { LockLine = "LOCK_A", UnlockLine = "LOCK_B", FeedbackLine = "LOCK_FB" },
        };

        Assert.Throws<ArgumentException>(() => new LinuxSafetyDevices(options, _gpio, _meterBus, _time));

        Assert.False(_gpio["RCD_TRIP_N"].IsRequested);
        Assert.False(_gpio["LOCK_A"].IsRequested);
    }

    [Fact]
    public async Task A_modbus_imd_without_its_own_port_shares_the_meter_bus_and_asserts_its_enable_line()
    {
        using var device = new SimulatedModbusDevice(_pty.Primary, unit: 3)
        {
            // ISOMETER channel 1: 1.0e6 Ω (0x49742400), no alarm, unit Ω.
            HoldingRegister = address => address switch { 1000 => 0x4974, 1001 => 0x2400, 1002 => 0x0002, 1003 => 71, _ => null },
        };
        var options = new LinuxHardwareOptions { IsolationMonitor = new() { Kind = IsolationMonitorKind.Modbus, UnitAddress = 3, EnableLine = "IMD_EN" } };

        using var devices = new LinuxSafetyDevices(options, _gpio, _meterBus, _time);
        var imd = Assert.IsType<ModbusIsolationMonitor>(devices.IsolationMonitor);
        imd.Start();
        await imd.RefreshAsync();

        Assert.True(_gpio["IMD_EN"].IsAsserted);
        Assert.Equal(1_000_000, imd.ReadIsolationResistanceOhms());
        Assert.Equal(IsolationCondition.Valid, imd.ReadStatus(IsolationThresholds.ForRatedVoltage(1000)).Condition);
        Assert.Equal(1, device.RequestsReceived);
    }

    public void Dispose()
    {
        _meterBus.Dispose();
        _port.Dispose();
        _pty.Dispose();
    }
}
