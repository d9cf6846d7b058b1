using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Tests.Configuration;

/// <summary>Startup checks of the RCD, insulation monitor and connector lock settings.</summary>
public sealed partial class LinuxHardwareValidatorTests
{
    private LinuxHardwareOptions FullyEquippedBoard()
    {
        var options = HealthyBoard();
        _probe.Lines[Path.Combine(options.DevRoot, "gpiochip0")] =
            ["", "ESTOP_N", "RELAY_1_ENABLE", "RCD_TRIP_N", "RCD_TEST", "IMD_ALARM2", "IMD_ALARM1", "LOCK_A", "LOCK_B", "LOCK_FB"];
        return options with
        {
            ResidualCurrentMonitor = new() { TripLine = "RCD_TRIP_N", TestLine = "RCD_TEST" },
            IsolationMonitor = new() { Kind = IsolationMonitorKind.Gpio, FaultLine = "IMD_ALARM2", WarningLine = "IMD_ALARM1" },
            ConnectorLock = new() { LockLine = "LOCK_A", UnlockLine = "LOCK_B", FeedbackLine = "LOCK_FB" },
        };
    }

    [Fact]
    public void A_board_with_rcd_imd_and_lock_passes()
    {
        var options = FullyEquippedBoard();

        Assert.Empty(new LinuxHardwareValidator(_probe).Check(options));
        Assert.Empty(new LinuxHardwareValidator(_probe).Check(options with { IsolationMonitor = new() { Kind = IsolationMonitorKind.Modbus } }));
    }

    [Fact]
    public void A_missing_rcd_test_line_names_its_setting()
    {
        var options = FullyEquippedBoard() with { ResidualCurrentMonitor = new() { TripLine = "RCD_TRIP_N", TestLine = "RCD_TST" } };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:ResidualCurrentMonitor:TestLine", problem.Setting);
        Assert.Contains("'RCD_TST' is not on gpiochip0", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("RCD_TEST", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_used_twice_is_reported_at_its_second_use()
    {
        var options = FullyEquippedBoard() with { ConnectorLock = new() { LockLine = "LOCK_A", UnlockLine = "LOCK_B", FeedbackLine = "RCD_TRIP_N" } };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:ConnectorLock:FeedbackLine", problem.Setting);
        Assert.Contains("already used by Hardware:ResidualCurrentMonitor:TripLine", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_lock_and_a_gpio_imd_without_fault_line_each_get_a_message()
    {
        var options = FullyEquippedBoard() with
        {
            ConnectorLock = new() { LockLine = "LOCK_A", UnlockLine = "LOCK_B", PulseDuration = TimeSpan.FromSeconds(30) },
            IsolationMonitor = new() { Kind = IsolationMonitorKind.Gpio },
        };

        var problems = new LinuxHardwareValidator(_probe).Check(options);

        Assert.Equal(
            ["Hardware:ConnectorLock:FeedbackLine", "Hardware:ConnectorLock:PulseDuration", "Hardware:IsolationMonitor:FaultLine"],
            problems.Select(p => p.Setting).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Fix.Contains("burn the motor", StringComparison.Ordinal));
    }

    [Fact]
    public void Modbus_imd_settings_are_checked_and_its_own_serial_device_must_exist()
    {
        var options = FullyEquippedBoard() with
        {
            IsolationMonitor = new()
            {
                Kind = IsolationMonitorKind.Modbus,
                UnitAddress = 0,
                RegisterMap = IsolationRegisterMapKind.Generic,
                ResistanceRegisterCount = 3,
                OhmsPerCount = 0,
                CommunicationTimeout = TimeSpan.FromSeconds(1),
                Serial = new SerialPortOptions { Device = Path.Combine(_root, "dev/ttymxc4"), BaudRate = 19200 },
            },
        };

        var problems = new LinuxHardwareValidator(_probe).Check(options);

        Assert.Equal(
            [
                "Hardware:IsolationMonitor:CommunicationTimeout", "Hardware:IsolationMonitor:OhmsPerCount", "Hardware:IsolationMonitor:ResistanceRegisterCount",
                "Hardware:IsolationMonitor:Serial:Device", "Hardware:IsolationMonitor:UnitAddress",
            ],
            problems.Select(p => p.Setting).Order(StringComparer.Ordinal));
        Assert.Contains(problems, p => p.Problem.Contains("ttymxc4 does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_line_without_a_trip_line_is_refused()
    {
        var options = FullyEquippedBoard() with { ResidualCurrentMonitor = new() { TestLine = "RCD_TEST" } };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:ResidualCurrentMonitor:TripLine", problem.Setting);
    }

    [Fact]
    public void Rcd_lines_on_a_missing_chip_are_reported_without_an_emergency_stop_line()
    {
        var options = FullyEquippedBoard() with { EmergencyStopLine = "", GpioChip = "gpiochip7", IsolationMonitor = new(), ConnectorLock = new() };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:GpioChip", problem.Setting);
        Assert.Contains("gpiochip0", problem.Fix, StringComparison.Ordinal);
    }
}
