using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Tests.Configuration;

public sealed partial class LinuxHardwareValidatorTests
{
    [Fact]
    public void A_serial_line_can_adapter_replaces_the_can_interface()
    {
        var board = HealthyBoard();
        var adapter = Path.Combine(_root, "dev/ttyACM0");
        File.WriteAllText(adapter, "");
        var options = board with
        {
            PowerModuleCanInterface = "can-that-does-not-exist",
            PowerModuleSerialCan = new SerialPortOptions { Device = adapter, BaudRate = 115200 },
        };

        Assert.Empty(new LinuxHardwareValidator(_probe).Check(options));
    }

    [Fact]
    public void A_missing_serial_line_can_adapter_names_its_setting()
    {
        var options = HealthyBoard() with { PowerModuleSerialCan = new SerialPortOptions { Device = Path.Combine(_root, "dev/ttyACM9"), BaudRate = 115200 } };

        var problem = Assert.Single(new LinuxHardwareValidator(new LinuxHardwareProbe(options.SysfsRoot)).Check(options with { EmergencyStopLine = "" }));

        Assert.Equal("Hardware:PowerModuleSerialCan:Device", problem.Setting);
        Assert.Contains("ttyACM9 does not exist", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("USB-CAN adapter", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bitrate_the_adapter_protocol_lacks_is_refused()
    {
        var board = HealthyBoard();
        var adapter = Path.Combine(_root, "dev/ttyACM0");
        File.WriteAllText(adapter, "");
        var options = board with { PowerModuleSerialCan = new SerialPortOptions { Device = adapter, BaudRate = 115200 }, PowerModuleCanBitrate = 333_000 };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:PowerModuleCanBitrate", problem.Setting);
    }

    [Fact]
    public void The_watchdog_may_be_left_out_only_with_the_pilot_mcu()
    {
        var options = HealthyBoard() with { WatchdogDevice = "" };

        Assert.Empty(new LinuxHardwareValidator(_probe).Check(options));
        var direct = new LinuxHardwareValidator(_probe).Check(options with { PilotFrontEnd = PilotFrontEndKind.Direct });
        var problem = Assert.Single(direct, p => p.Setting == "Hardware:WatchdogDevice");
        Assert.Contains("direct pilot front end needs the SoC watchdog", problem.Fix, StringComparison.Ordinal);
    }
}
