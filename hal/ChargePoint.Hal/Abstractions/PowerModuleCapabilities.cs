namespace ChargePoint.Hal.Abstractions;

/// <summary>Ratings of a bidirectional DC power module, all magnitudes.</summary>
public sealed record PowerModuleCapabilities(
    double MinVoltageVolts,
    double MaxVoltageVolts,
    double MaxChargeCurrentAmperes,
    double MaxDischargeCurrentAmperes,
    double MaxChargePowerWatts,
    double MaxDischargePowerWatts);
