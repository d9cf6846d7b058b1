using ChargePoint.Hal.Configuration;

namespace ChargePoint.Hal.Tests.Configuration;

/// <summary>Startup checks of the direct (SoC) pilot front end.</summary>
public sealed partial class LinuxHardwareValidatorTests
{
    private LinuxHardwareOptions DirectBoard()
    {
        var options = HealthyBoard();
        _probe.Lines[Path.Combine(options.DevRoot, "gpiochip0")] = ["ESTOP_N", "K1", "K1_FB", "CP_STATE_E"];
        File.WriteAllText(Path.Combine(options.SysfsRoot, "bus/iio/devices/iio:device0/in_voltage0_raw"), "");
        File.Delete(options.PilotMcuSerial.Device); // no MCU on this board, and none needed
        return options with
        {
            PilotFrontEnd = PilotFrontEndKind.Direct,
            Direct = new DirectFrontEndOptions
            {
                PwmChip = 0,
                PwmChannel = 0,
                AdcDevice = "2198000.adc",
                HighPeakChannel = 0,
                LowPeakChannel = 1,
                StateELine = "CP_STATE_E",
                Contactors = [new() { Name = "K1", DriveLine = "K1", FeedbackLine = "K1_FB" }],
            },
        };
    }

    [Fact]
    public void A_direct_board_passes_without_a_pilot_mcu_uart()
    {
        Assert.Empty(new LinuxHardwareValidator(_probe).Check(DirectBoard()));
    }

    [Fact]
    public void A_direct_board_reports_each_missing_part_by_its_setting()
    {
        var board = DirectBoard();
        var options = board with
        {
            EmergencyStopLine = "",
            Direct = board.Direct with { PwmChannel = 5, ProximityChannel = 7, PeakResetLine = "CP_RST", Contactors = [] },
        };

        var problems = new LinuxHardwareValidator(_probe).Check(options);

        Assert.Equal(
            ["Hardware:Direct:Contactors", "Hardware:Direct:PeakResetLine", "Hardware:Direct:ProximityChannel", "Hardware:Direct:PwmChannel", "Hardware:EmergencyStopLine"],
            problems.Select(p => p.Setting).Order(StringComparer.Ordinal));
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Fix)));
    }

    [Fact]
    public void A_direct_contactor_without_feedback_is_refused()
    {
        var board = DirectBoard();
        var options = board with { Direct = board.Direct with { Contactors = [new() { Name = "K1", DriveLine = "K1" }] } };

        var problem = Assert.Single(new LinuxHardwareValidator(_probe).Check(options));

        Assert.Equal("Hardware:Direct:Contactors:0:FeedbackLine", problem.Setting);
        Assert.Contains("welding", problem.Fix, StringComparison.Ordinal);
    }
}
