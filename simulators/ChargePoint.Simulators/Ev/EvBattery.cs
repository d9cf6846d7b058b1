namespace ChargePoint.Simulators.Ev;

/// <summary>The simulated vehicle's battery and limits. Energy in Wh, power W, current A, voltage V.
/// Discharge limits are magnitudes; the EV's wire sign is chosen by <see cref="EvSimulatorOptions.NegativeDischargeLimits"/>.</summary>
public sealed class EvBattery
{
    public double CapacityWh { get; init; } = 60_000;

    public double SocPercent { get; set; } = 40;

    public int MinimumSocPercent { get; init; } = 20;

    public int TargetSocPercent { get; init; } = 80;

    public double MaximumChargePower { get; init; } = 50_000;

    public double MaximumChargeCurrent { get; init; } = 125;

    public double MaximumDischargePower { get; init; } = 11_000;

    public double MaximumDischargeCurrent { get; init; } = 30;

    public double MaximumVoltage { get; init; } = 450;

    public double MinimumVoltage { get; init; } = 200;

    /// <summary>Pack voltage the EV reports (and targets in PreCharge).</summary>
    public double Voltage { get; init; } = 400;

    /// <summary>Energy to reach the target SOC (negative above it).</summary>
    public double TargetEnergyRequest => (TargetSocPercent - SocPercent) / 100 * CapacityWh;

    public double MaximumEnergyRequest => (100 - SocPercent) / 100 * CapacityWh;

    public double MinimumEnergyRequest => Math.Max(0, (MinimumSocPercent - SocPercent) / 100 * CapacityWh);

    /// <summary>V2X: most energy the EV may take (to full).</summary>
    public double MaximumV2XEnergyRequest => MaximumEnergyRequest;

    /// <summary>V2X: most energy the EV may give (negative: down to the minimum SOC).</summary>
    public double MinimumV2XEnergyRequest => -Math.Max(0, (SocPercent - MinimumSocPercent) / 100 * CapacityWh);

    /// <summary>Applies <paramref name="power"/> W (negative = discharging) for <paramref name="duration"/>.</summary>
    public void Apply(double power, TimeSpan duration)
    {
        SocPercent = Math.Clamp(SocPercent + (power * duration.TotalHours / CapacityWh * 100), 0, 100);
    }
}
