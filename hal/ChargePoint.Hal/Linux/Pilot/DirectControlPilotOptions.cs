namespace ChargePoint.Hal.Linux.Pilot;

/// <summary>
/// A pilot driven straight from the SoC: a sysfs PWM channel feeds the ±12 V driver stage and two IIO ADC
/// channels read hardware positive and negative peak detectors (sampling a 1 kHz plateau from user space is
/// not possible). Plateau volts = ADC millivolts × gain + offset, per channel, from the board's divider.
/// </summary>
public sealed record DirectControlPilotOptions
{
    public string SysfsPwmRoot { get; init; } = "/sys/class/pwm";

    public int PwmChip { get; init; }

    public int PwmChannel { get; init; }

    /// <summary>1 kHz (IEC 61851-1).</summary>
    public long PeriodNanoseconds { get; init; } = 1_000_000;

    public string SysfsIioRoot { get; init; } = "/sys/bus/iio/devices";

    public string AdcDevice { get; init; } = "";

    public int HighPeakChannel { get; init; }

    public int LowPeakChannel { get; init; } = 1;

    public double HighGainVoltsPerMillivolt { get; init; } = 0.01;

    public double HighOffsetVolts { get; init; }

    public double LowGainVoltsPerMillivolt { get; init; } = 0.01;

    public double LowOffsetVolts { get; init; } = -15;

    /// <summary>Width of the peak-detector reset pulse (0…1 ms); the GPIO writes alone take some microseconds, which
    /// suffices for a small hold capacitor behind a transistor.</summary>
    public TimeSpan PeakResetPulse { get; init; } = TimeSpan.FromMicroseconds(20);
}
