using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux;
using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Tests.Configuration;

public sealed partial class LinuxHardwareValidatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hal-config-").FullName;
    private readonly FakeProbe _probe = new();

    /// <summary>A board where everything the options name exists and is accessible.</summary>
    private LinuxHardwareOptions HealthyBoard()
    {
        var dev = Path.Combine(_root, "dev");
        var sys = Path.Combine(_root, "sys");
        foreach (var file in new[] { "dev/ttymxc1", "dev/ttymxc2", "dev/watchdog", "dev/gpiochip0", "sys/class/pwm/pwmchip0/export", "sys/class/net/can0/ifindex", "sys/bus/iio/devices/iio:device0/in_voltage1_raw" })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "");
        }

        File.WriteAllText(Path.Combine(sys, "class/pwm/pwmchip0/npwm"), "2\n");
        File.WriteAllText(Path.Combine(sys, "bus/iio/devices/iio:device0/name"), "2198000.adc\n");
        _probe.SysfsRoot = sys;
        _probe.Lines[Path.Combine(dev, "gpiochip0")] = ["", "ESTOP_N", "RELAY_1_ENABLE"];
        return new LinuxHardwareOptions
        {
            DevRoot = dev,
            SysfsRoot = sys,
            PilotMcuSerial = new SerialPortOptions { Device = Path.Combine(dev, "ttymxc1"), BaudRate = 115200 },
            MeterSerial = new SerialPortOptions { Device = Path.Combine(dev, "ttymxc2"), BaudRate = 9600 },
            WatchdogDevice = Path.Combine(dev, "watchdog"),
            EmergencyStopLine = "ESTOP_N",
            PwmChip = 0,
            PwmChannel = 1,
            AdcDevice = "2198000.adc",
            AdcChannel = 1,
        };
    }

    [Fact]
    public void A_healthy_board_passes()
    {
        var options = HealthyBoard();

        Assert.Empty(new LinuxHardwareValidator(_probe).Check(options));
        Assert.True(new LinuxHardwareValidator(_probe).Validate(null, options).Succeeded);
    }

    [Fact]
    public void Real_probe_accepts_the_healthy_board_on_the_real_filesystem()
    {
        var options = HealthyBoard() with { EmergencyStopLine = "" }; // no real GPIO chip behind a plain file

        Assert.Empty(new LinuxHardwareValidator(new LinuxHardwareProbe(options.SysfsRoot)).Check(options));
    }

    [Fact]
    public void An_unknown_serial_device_names_the_setting_and_the_fix()
    {
        var options = HealthyBoard() with { MeterSerial = new SerialPortOptions { Device = Path.Combine(_root, "dev/ttyUSB7") } };

        var problem = Assert.Single(new LinuxHardwareValidator(new LinuxHardwareProbe(options.SysfsRoot)).Check(options with { EmergencyStopLine = "" }));

        Assert.Equal("Hardware:MeterSerial:Device", problem.Setting);
        Assert.Contains("ttyUSB7 does not exist", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("RS-485", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_pwm_chip_lists_the_chips_that_exist()
    {
        var options = HealthyBoard() with { PwmChip = 4, EmergencyStopLine = "" };

        var problem = Assert.Single(new LinuxHardwareValidator(new LinuxHardwareProbe(options.SysfsRoot)).Check(options));

        Assert.Equal("Hardware:PwmChip", problem.Setting);
        Assert.Contains("pwmchip4 does not exist", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("pwmchip0", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pwm_channel_beyond_npwm_is_reported()
    {
        var options = HealthyBoard() with { PwmChannel = 2 };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:PwmChannel", problem.Setting);
        Assert.Contains("0 to 1", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_absent_can_interface_says_how_to_bring_it_up()
    {
        var options = HealthyBoard() with { PowerModuleCanInterface = "can1", EmergencyStopLine = "" };

        var problem = Assert.Single(new LinuxHardwareValidator(new LinuxHardwareProbe(options.SysfsRoot)).Check(options));

        Assert.Equal("Hardware:PowerModuleCanInterface", problem.Setting);
        Assert.Contains("'can1' is absent", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("ip link set can1", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_gpio_line_suggests_the_names_the_chip_has()
    {
        var options = HealthyBoard() with { EmergencyStopLine = "EMERGENCY" };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:EmergencyStopLine", problem.Setting);
        Assert.Contains("'EMERGENCY' is not on gpiochip0", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("ESTOP_N", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void No_permission_names_the_device_and_the_remedy()
    {
        var options = HealthyBoard();
        _probe.Denied.Add(options.PilotMcuSerial.Device);
        _probe.Denied.Add(Path.Combine(options.DevRoot, "gpiochip0"));

        var problems = new LinuxHardwareValidator(_probe).Check(options);

        Assert.Equal(["Hardware:PilotMcuSerial:Device", "Hardware:GpioChip"], problems.Select(p => p.Setting));
        Assert.All(problems, p => Assert.Contains("permission denied", p.Problem, StringComparison.Ordinal));
        Assert.Contains("dialout", problems[0].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_gets_its_own_message()
    {
        var options = HealthyBoard() with { PwmChip = 9, PowerModuleCanInterface = "can9", AdcDevice = "nope", WatchdogDevice = "/nonexistent/watchdog", MeterSerial = new SerialPortOptions { Device = "/nonexistent/tty", BaudRate = 12345 } };

        var result = new LinuxHardwareValidator(new LinuxHardwareProbe(options.SysfsRoot)).Validate(null, options with { EmergencyStopLine = "" });

        Assert.True(result.Failed);
        Assert.Equal(6, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.Contains("Fix:", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Opening_the_station_fails_before_touching_devices_and_lists_every_error()
    {
        var options = HealthyBoard() with { PowerModuleCanInterface = "can9", EmergencyStopLine = "" };
        File.Delete(options.WatchdogDevice);

        var error = Assert.Throws<HardwareConfigurationException>(() => LinuxStationHardware.Open(options, TimeProvider.System));

        Assert.Equal(["Hardware:PowerModuleCanInterface", "Hardware:WatchdogDevice"], error.Problems.Select(p => p.Setting).Order(StringComparer.Ordinal));
        Assert.Contains("Hardware:WatchdogDevice: watchdog device", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class FakeProbe : IHardwareProbe
    {
        private readonly LinuxHardwareProbe _real = new();

        public string SysfsRoot { get; set; } = "/sys";

        public HashSet<string> Denied { get; } = [];

        public Dictionary<string, IReadOnlyList<string>> Lines { get; } = [];

        public bool PathExists(string path) => _real.PathExists(path);

        public bool CanReadWrite(string path) => !Denied.Contains(path);

        public IReadOnlyList<string>? GpioLineNames(string chipPath) => Lines.GetValueOrDefault(chipPath);

        public bool NetworkInterfaceExists(string name) => new LinuxHardwareProbe(SysfsRoot).NetworkInterfaceExists(name);

        public IReadOnlyList<string> ListEntries(string directory, string prefix) => _real.ListEntries(directory, prefix);

        public string? ReadText(string path) => _real.ReadText(path);
    }
}
