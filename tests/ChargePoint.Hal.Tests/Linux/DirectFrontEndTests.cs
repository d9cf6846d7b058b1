using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Pilot;
using ChargePoint.Hal.Pilot;
using ChargePoint.Hal.Tests.Linux.Gpio;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The direct front end composed from configuration on a sysfs PWM/IIO tree laid out as the kernel ABI
/// documents it and fake GPIO lines.</summary>
public sealed class DirectFrontEndTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hal-direct-front-end-").FullName;
    private readonly string _adc;
    private readonly FakeGpio _gpio = new();
    private readonly LinuxHardwareOptions _options;

    public DirectFrontEndTests()
    {
        var pwm = Path.Combine(_root, "class", "pwm", "pwmchip1", "pwm0");
        _adc = Path.Combine(_root, "bus", "iio", "devices", "iio:device0");
        Directory.CreateDirectory(pwm);
        Directory.CreateDirectory(_adc);
        foreach (var file in new[] { "period", "duty_cycle", "enable" })
        {
            File.WriteAllText(Path.Combine(pwm, file), "0\n");
        }

        File.WriteAllText(Path.Combine(_adc, "name"), "cp-adc\n");
        File.WriteAllText(Path.Combine(_adc, "in_voltage_scale"), "1\n");
        File.WriteAllText(Path.Combine(_adc, "in_voltage0_raw"), "879\n");
        File.WriteAllText(Path.Combine(_adc, "in_voltage1_raw"), "300\n");
        File.WriteAllText(Path.Combine(_adc, "in_voltage2_raw"), "3300\n");
        _options = new LinuxHardwareOptions
        {
            SysfsRoot = _root,
            PilotFrontEnd = PilotFrontEndKind.Direct,
            EmergencyStopLine = "ESTOP_N",
            Direct = new DirectFrontEndOptions
            {
                PwmChip = 1,
                AdcDevice = "cp-adc",
                StateELine = "CP_STATE_E",
                PeakResetLine = "CP_PEAK_RST",
                ProximityChannel = 2,
                ProximityPullUpOhms = 1000,
                ProximitySupplyVolts = 3.3,
                Contactors = [new() { Name = "L1N", DriveLine = "K1", FeedbackLine = "K1_FB" }, new() { Name = "L2L3", DriveLine = "K2", FeedbackLine = "K2_FB" }],
            },
        };
    }

    [Fact]
    public void Contactors_e_stop_and_pilot_lines_are_claimed_as_configured_and_start_safe()
    {
        using var frontEnd = new DirectFrontEnd(_options, _gpio);

        Assert.Equal(["L1N", "L2L3"], frontEnd.Contactors.Select(c => c.Name));
        Assert.All(new[] { "K1", "K2", "CP_STATE_E", "CP_PEAK_RST" }, line => Assert.False(_gpio[line].IsAsserted, line));
        Assert.True(_gpio["ESTOP_N"].ActiveLow);
        Assert.Equal(PilotOutputMode.ConstantHigh, frontEnd.ControlPilot.Output.Mode);
        Assert.True(frontEnd.ControlPilot.SupportsStateE);
        Assert.True(frontEnd.ControlPilot.ResetsPeakDetectors);

        frontEnd.Contactors[1].Close();
        frontEnd.ControlPilot.SetOutput(PilotOutput.StateE);

        Assert.True(_gpio["K2"].IsAsserted);
        Assert.False(_gpio["K1"].IsAsserted);
        Assert.True(_gpio["CP_STATE_E"].IsAsserted);
        Assert.False(frontEnd.EmergencyStop.IsPressed);
        _gpio["ESTOP_N"].SetPhysical(high: false);
        Assert.True(frontEnd.EmergencyStop.IsPressed);
    }

    [Theory]
    [InlineData("3300", CableAmpacity.NoCable)]
    [InlineData("1336", CableAmpacity.Amperes20)] // 680 Ω under a 1 kΩ pull-up to 3.3 V
    [InlineData("594", CableAmpacity.Amperes32)] // 220 Ω
    [InlineData("1980", CableAmpacity.Amperes13)] // 1.5 kΩ
    [InlineData("0", CableAmpacity.Fault)] // PP shorted to PE
    public void Pp_is_read_through_the_pull_up_divider(string millivolts, CableAmpacity expected)
    {
        File.WriteAllText(Path.Combine(_adc, "in_voltage2_raw"), millivolts + "\n");
        using var frontEnd = new DirectFrontEnd(_options, _gpio);

        Assert.Equal(expected, ProximityDecoder.Decode(frontEnd.ProximityPilot!.ReadResistanceOhms()));
    }

    [Fact]
    public void A_missing_line_releases_every_line_already_claimed()
    {
        _gpio.Missing.Add("CP_PEAK_RST");

        Assert.Throws<ArgumentException>(() => new DirectFrontEnd(_options, _gpio));

        Assert.All(new[] { "K1", "K1_FB", "K2", "K2_FB", "ESTOP_N", "CP_STATE_E" }, line => Assert.False(_gpio[line].IsRequested, line));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
