using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Pilot;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The direct SoC pilot against a sysfs PWM and IIO tree laid out as the kernel ABI documents it.</summary>
public sealed class DirectControlPilotTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hal-direct-pilot-").FullName;
    private readonly string _pwm;
    private readonly string _adc;
    private readonly DirectControlPilot _pilot;

    public DirectControlPilotTests()
    {
        _pwm = Path.Combine(_root, "pwm", "pwmchip2", "pwm0");
        _adc = Path.Combine(_root, "iio", "iio:device0");
        Directory.CreateDirectory(_pwm);
        Directory.CreateDirectory(_adc);
        foreach (var file in new[] { "period", "duty_cycle", "enable" })
        {
            File.WriteAllText(Path.Combine(_pwm, file), "0\n");
        }

        File.WriteAllText(Path.Combine(_adc, "name"), "cp-adc\n");
        File.WriteAllText(Path.Combine(_adc, "in_voltage_scale"), "1\n");
        File.WriteAllText(Path.Combine(_adc, "in_voltage0_raw"), "879\n");
        File.WriteAllText(Path.Combine(_adc, "in_voltage1_raw"), "300\n");
        _pilot = new DirectControlPilot(new DirectControlPilotOptions
        {
            SysfsPwmRoot = Path.Combine(_root, "pwm"),
            PwmChip = 2,
            SysfsIioRoot = Path.Combine(_root, "iio"),
            AdcDevice = "cp-adc",
        });
    }

    [Theory]
    [InlineData(PilotOutputMode.ConstantHigh, 0, "1000000")]
    [InlineData(PilotOutputMode.Pwm, 5, "50000")]
    [InlineData(PilotOutputMode.Pwm, 53.33, "533300")]
    [InlineData(PilotOutputMode.StateF, 0, "0")]
    public void Pilot_modes_become_duty_cycles_of_a_1_kHz_period(PilotOutputMode mode, double duty, string dutyNs)
    {
        _pilot.SetOutput(new PilotOutput(mode, duty));

        Assert.Equal("1000000", File.ReadAllText(Path.Combine(_pwm, "period")));
        Assert.Equal(dutyNs, File.ReadAllText(Path.Combine(_pwm, "duty_cycle")));
        Assert.Equal("1", File.ReadAllText(Path.Combine(_pwm, "enable")));
    }

    [Fact]
    public void Without_a_state_E_line_E_falls_back_to_F()
    {
        _pilot.SetOutput(PilotOutput.StateE);

        Assert.False(_pilot.SupportsStateE);
        Assert.Equal(PilotOutputMode.StateF, _pilot.Output.Mode);
        Assert.Equal("0", File.ReadAllText(Path.Combine(_pwm, "duty_cycle")));
    }

    [Fact]
    public void Peak_detector_readings_are_scaled_to_plateau_volts()
    {
        var measurement = _pilot.ReadMeasurement();

        Assert.Equal(8.79, measurement.HighPlateauVolts, 6);
        Assert.Equal(-12.0, measurement.LowPlateauVolts, 6);
    }

    [Fact]
    public void Each_reading_is_followed_by_a_peak_detector_reset_pulse()
    {
        // The hold capacitor model: the ADC file holds the peak until the reset discharges it to the present plateau.
        var raw = Path.Combine(_adc, "in_voltage0_raw");
        var gpio = new Gpio.FakeGpio();
        gpio["CP_PEAK_RST"].OnWrite = asserted =>
        {
            if (asserted)
            {
                File.WriteAllText(raw, "562\n"); // the vehicle closed S2: 6 V from now on
            }
        };
        using var reset = gpio.OpenOutput("CP_PEAK_RST", "test", false, activeLow: false);
        var pilot = new DirectControlPilot(
            new DirectControlPilotOptions { SysfsPwmRoot = Path.Combine(_root, "pwm"), PwmChip = 2, SysfsIioRoot = Path.Combine(_root, "iio"), AdcDevice = "cp-adc", PeakResetPulse = TimeSpan.Zero },
            stateELine: null,
            peakDetectorReset: reset);

        // Claimed low, driven low again by the constructor, then one pulse per reading.
        var held = pilot.ReadMeasurement();
        var fresh = pilot.ReadMeasurement();

        Assert.True(pilot.ResetsPeakDetectors);
        Assert.Equal(8.79, held.HighPlateauVolts, 2);
        Assert.Equal(5.62, fresh.HighPlateauVolts, 2);
        Assert.Equal([false, false, true, false, true, false], gpio["CP_PEAK_RST"].Writes.Select(w => w.Asserted));
        Assert.False(gpio["CP_PEAK_RST"].IsAsserted);
    }

    [Fact]
    public void A_reset_pulse_longer_than_a_millisecond_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new DirectControlPilot(
            new DirectControlPilotOptions { SysfsPwmRoot = Path.Combine(_root, "pwm"), PwmChip = 2, SysfsIioRoot = Path.Combine(_root, "iio"), AdcDevice = "cp-adc", PeakResetPulse = TimeSpan.FromMilliseconds(2) },
            null,
            null));

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
