namespace ChargePoint.Hal.Simulated;

/// <summary>How the simulated station is built.</summary>
public sealed record SimulatedStationOptions
{
    /// <summary>Physics integration step (power module ramps, battery, meter).</summary>
    public TimeSpan PhysicsStep { get; init; } = TimeSpan.FromMilliseconds(10);

    public SimulatedPowerModuleOptions PowerModule { get; init; } = new();

    public double BatteryCapacityWattHours { get; init; } = 60_000;

    public double BatteryInitialSocPercent { get; init; } = 40;

    public double BatteryMinVoltageVolts { get; init; } = 320;

    public double BatteryMaxVoltageVolts { get; init; } = 410;

    public TimeSpan ContactorCloseDelay { get; init; } = TimeSpan.FromMilliseconds(30);

    public TimeSpan ContactorOpenDelay { get; init; } = TimeSpan.FromMilliseconds(15);

    public bool SupportsStateE { get; init; } = true;

    public TimeSpan WatchdogTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
