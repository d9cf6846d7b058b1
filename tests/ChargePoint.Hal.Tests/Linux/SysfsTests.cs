using ChargePoint.Hal.Linux.Iio;
using ChargePoint.Hal.Linux.Pwm;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>PWM and IIO against a sysfs tree laid out as the kernel ABI documents it, in a temporary directory.</summary>
public sealed class SysfsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("hal-sysfs-").FullName;

    [Fact]
    public void Pwm_writes_period_and_duty_in_nanoseconds_without_ever_exceeding_the_period()
    {
        var channel = Path.Combine(_root, "pwm", "pwmchip0", "pwm1");
        Directory.CreateDirectory(channel);
        File.WriteAllText(Path.Combine(channel, "period"), "1000000\n");
        File.WriteAllText(Path.Combine(channel, "duty_cycle"), "900000\n");
        File.WriteAllText(Path.Combine(channel, "enable"), "0\n");
        var pwm = SysfsPwmChannel.Open(Path.Combine(_root, "pwm"), chip: 0, channel: 1);

        pwm.Configure(1_000_000, 50_000);
        pwm.Enable(true);

        Assert.Equal("1000000", File.ReadAllText(Path.Combine(channel, "period")));
        Assert.Equal("50000", File.ReadAllText(Path.Combine(channel, "duty_cycle")));
        Assert.Equal("1", File.ReadAllText(Path.Combine(channel, "enable")));
        pwm.Configure(500_000, 25_000);
        Assert.Equal("500000", File.ReadAllText(Path.Combine(channel, "period")));
        Assert.Throws<ArgumentOutOfRangeException>(() => pwm.Configure(1000, 2000));
    }

    [Fact]
    public void Pwm_on_a_missing_chip_names_it()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => SysfsPwmChannel.Open(_root, chip: 3, channel: 0));

        Assert.Contains("pwmchip3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Iio_finds_the_device_by_name_and_scales_to_millivolts()
    {
        var other = Path.Combine(_root, "iio", "iio:device0");
        var adc = Path.Combine(_root, "iio", "iio:device1");
        Directory.CreateDirectory(other);
        Directory.CreateDirectory(adc);
        File.WriteAllText(Path.Combine(other, "name"), "temperature\n");
        File.WriteAllText(Path.Combine(adc, "name"), "2198000.adc\n");
        File.WriteAllText(Path.Combine(adc, "in_voltage2_raw"), "2048\n");
        File.WriteAllText(Path.Combine(adc, "in_voltage_scale"), "0.805664062\n");
        File.WriteAllText(Path.Combine(adc, "in_voltage2_offset"), "-48\n");

        var channel = IioAdcChannel.Open(Path.Combine(_root, "iio"), "2198000.adc", 2);

        Assert.Equal(adc, channel.DevicePath);
        Assert.Equal((2048 - 48) * 0.805664062, channel.ReadMillivolts(), 6);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
