namespace ChargePoint.Hal.Abstractions;

/// <summary>A bidirectional (charge and discharge) DC power module. Commands are fire-and-forget to the device;
/// <see cref="ReadStatus"/> returns the last status the device reported, so callers never block on the bus.</summary>
public interface IBidirectionalPowerModule
{
    PowerModuleCapabilities Capabilities { get; }

    void SetMode(PowerModuleMode mode);

    void SetSetpoint(PowerModuleSetpoint setpoint);

    PowerModuleStatus ReadStatus();
}
