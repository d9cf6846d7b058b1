namespace ChargePoint.Hal.Abstractions;

/// <summary>The latest known state of a power module. <see cref="OutputCurrentAmperes"/> is signed: positive
/// flows to the vehicle, negative from it (the sign convention of ISO 15118-20 [V2G20-1034]/[V2G20-1035]).</summary>
public readonly record struct PowerModuleStatus(
    PowerModuleMode Mode,
    double OutputVoltageVolts,
    double OutputCurrentAmperes,
    PowerModuleFaults Faults,
    DateTimeOffset UpdatedAt)
{
    public double OutputPowerWatts => OutputVoltageVolts * OutputCurrentAmperes;

    public bool HasFault => Faults != PowerModuleFaults.None;
}
