using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// Turns an energy decision into power-module commands. Power is converted to a current limit at the present
/// voltage and never exceeds the decision's current limits; the voltage target is the EV's maximum while
/// charging and its minimum while discharging (the module stops drawing current below it).
/// </summary>
public static class PowerModuleDriver
{
    public static (PowerModuleMode Mode, PowerModuleSetpoint Setpoint) Command(EnergyDecision decision, double presentVoltageVolts, double evMinVoltageVolts, double evMaxVoltageVolts)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (presentVoltageVolts <= 0 || !double.IsFinite(presentVoltageVolts))
        {
            return (PowerModuleMode.Off, PowerModuleSetpoint.Zero);
        }

        if (decision.SetpointWatts < 0)
        {
            var amps = Math.Min(decision.DischargeCurrentLimitAmperes, -decision.SetpointWatts / presentVoltageVolts);
            return (PowerModuleMode.Discharge, new PowerModuleSetpoint(evMinVoltageVolts, 0, amps));
        }

        // Max with 0: a zero setpoint may be -0, which the module rejects as a negative limit.
        var chargeAmps = Math.Max(0, Math.Min(decision.ChargeCurrentLimitAmperes, decision.SetpointWatts / presentVoltageVolts));
        return (PowerModuleMode.Charge, new PowerModuleSetpoint(evMaxVoltageVolts, chargeAmps, 0));
    }

    public static void Apply(IBidirectionalPowerModule module, EnergyDecision decision, double presentVoltageVolts, double evMinVoltageVolts, double evMaxVoltageVolts)
    {
        ArgumentNullException.ThrowIfNull(module);
        var (mode, setpoint) = Command(decision, presentVoltageVolts, evMinVoltageVolts, evMaxVoltageVolts);
        module.SetSetpoint(setpoint);
        module.SetMode(mode);
    }
}
