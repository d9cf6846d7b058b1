namespace ChargePoint.Hal.Configuration;

/// <summary>
/// The direct (SoC) pilot front end, section "Hardware:Direct", used when <see cref="LinuxHardwareOptions.PilotFrontEnd"/>
/// is Direct. The PWM chip and ADC device names come from here; the sysfs roots from <see cref="LinuxHardwareOptions.SysfsRoot"/>.
/// The emergency stop is then <see cref="LinuxHardwareOptions.EmergencyStopLine"/> (required).
/// </summary>
public sealed record DirectFrontEndOptions
{
    public int PwmChip { get; init; }

    public int PwmChannel { get; init; }

    /// <summary>IIO device name of the ADC that reads the peak detectors (and PP).</summary>
    public string AdcDevice { get; init; } = "";

    public int HighPeakChannel { get; init; }

    public int LowPeakChannel { get; init; } = 1;

    public double HighGainVoltsPerMillivolt { get; init; } = 0.01;

    public double HighOffsetVolts { get; init; }

    public double LowGainVoltsPerMillivolt { get; init; } = 0.01;

    public double LowOffsetVolts { get; init; } = -15;

    /// <summary>Output that ties the pilot to PE (state E); empty when the board cannot, E then falls back to F.</summary>
    public string StateELine { get; init; } = "";

    /// <summary>Output that discharges the peak detectors after each reading; empty when they leak by themselves.</summary>
    public string PeakResetLine { get; init; } = "";

    public TimeSpan PeakResetPulse { get; init; } = TimeSpan.FromMicroseconds(20);

    /// <summary>ADC channel on the PP divider; -1 for a tethered cable without PP.</summary>
    public int ProximityChannel { get; init; } = -1;

    public double ProximityPullUpOhms { get; init; } = 1000;

    public double ProximitySupplyVolts { get; init; } = 3.3;

    /// <summary>The power-path contactors, opened and closed together.</summary>
    public IReadOnlyList<GpioContactorOptions> Contactors { get; init; } = [];
}
