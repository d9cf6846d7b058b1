namespace ChargePoint.Hal.Abstractions;

/// <summary>Setpoint for a bidirectional DC power module. Both current limits are magnitudes (≥ 0); the
/// direction comes from <see cref="PowerModuleMode"/>. In <see cref="PowerModuleMode.Discharge"/> the target
/// voltage is the minimum vehicle voltage at which current is still drawn.</summary>
public readonly record struct PowerModuleSetpoint(
    double TargetVoltageVolts,
    double ChargeCurrentLimitAmperes,
    double DischargeCurrentLimitAmperes)
{
    public static PowerModuleSetpoint Zero => new(0, 0, 0);
}
