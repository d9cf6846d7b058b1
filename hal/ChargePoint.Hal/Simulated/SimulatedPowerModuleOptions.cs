using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>Ratings and dynamics of the simulated bidirectional DC power module.</summary>
public sealed record SimulatedPowerModuleOptions
{
    public PowerModuleCapabilities Capabilities { get; init; } = new(
        MinVoltageVolts: 150, MaxVoltageVolts: 1000, MaxChargeCurrentAmperes: 200, MaxDischargeCurrentAmperes: 200,
        MaxChargePowerWatts: 60_000, MaxDischargePowerWatts: 60_000);

    /// <summary>Slew rate of the output current while regulating.</summary>
    public double CurrentRampAmperesPerSecond { get; init; } = 200;

    /// <summary>Slew rate when switched off: a module sheds its current in a few milliseconds.</summary>
    public double ShutdownRampAmperesPerSecond { get; init; } = 20_000;

    /// <summary>Slew rate of the output voltage with no vehicle connected (cable check, pre-charge).</summary>
    public double VoltageRampVoltsPerSecond { get; init; } = 500;

    /// <summary>Bleed-down rate of the output capacitors when off and disconnected.</summary>
    public double VoltageBleedVoltsPerSecond { get; init; } = 200;
}
