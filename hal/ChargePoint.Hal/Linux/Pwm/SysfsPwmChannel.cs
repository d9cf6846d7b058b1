using System.Globalization;

namespace ChargePoint.Hal.Linux.Pwm;

/// <summary>
/// One PWM channel through the kernel's sysfs ABI (Documentation/ABI/testing/sysfs-class-pwm):
/// pwmchipN/export, then pwmM/period, duty_cycle and enable, all in nanoseconds. The duty cycle may never exceed
/// the period, so the order of writes depends on the direction of change.
/// </summary>
public sealed class SysfsPwmChannel
{
    private readonly string _channelPath;

    private SysfsPwmChannel(string channelPath, long periodNs, long dutyNs)
    {
        _channelPath = channelPath;
        PeriodNanoseconds = periodNs;
        DutyCycleNanoseconds = dutyNs;
    }

    public long PeriodNanoseconds { get; private set; }

    public long DutyCycleNanoseconds { get; private set; }

    /// <summary>Exports the channel if needed and waits (up to 1 s) for udev to make its files writable. The
    /// channel is never unexported: the pin would float, and the pilot must stay defined.</summary>
    public static SysfsPwmChannel Open(string sysfsPwmRoot, int chip, int channel)
    {
        var chipPath = Path.Combine(sysfsPwmRoot, $"pwmchip{chip}");
        if (!Directory.Exists(chipPath))
        {
            throw new DirectoryNotFoundException($"PWM chip {chipPath} does not exist.");
        }

        var channelPath = Path.Combine(chipPath, $"pwm{channel}");
        if (!Directory.Exists(channelPath))
        {
            File.WriteAllText(Path.Combine(chipPath, "export"), channel.ToString(CultureInfo.InvariantCulture));
            for (var attempt = 0; attempt < 100 && !File.Exists(Path.Combine(channelPath, "enable")); attempt++)
            {
                Thread.Sleep(10);
            }
        }

        return new SysfsPwmChannel(channelPath, ReadLong(Path.Combine(channelPath, "period")), ReadLong(Path.Combine(channelPath, "duty_cycle")));
    }

    /// <summary>Sets period and duty together, ordering the writes so that duty ≤ period holds throughout.</summary>
    public void Configure(long periodNs, long dutyNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodNs);
        ArgumentOutOfRangeException.ThrowIfNegative(dutyNs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dutyNs, periodNs);

        // Shrinking the period below the present duty needs the duty written first; otherwise the period goes first.
        if (periodNs < DutyCycleNanoseconds)
        {
            Write("duty_cycle", dutyNs);
            Write("period", periodNs);
        }
        else
        {
            Write("period", periodNs);
            Write("duty_cycle", dutyNs);
        }

        PeriodNanoseconds = periodNs;
        DutyCycleNanoseconds = dutyNs;
    }

    public void Enable(bool enabled) => File.WriteAllText(Path.Combine(_channelPath, "enable"), enabled ? "1" : "0");

    private void Write(string file, long value) => File.WriteAllText(Path.Combine(_channelPath, file), value.ToString(CultureInfo.InvariantCulture));

    private static long ReadLong(string path) =>
        File.Exists(path) && long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
