using System.Globalization;
using ChargePoint.Firmware.Evse;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Firmware.Simulation;

/// <summary>One line per second a person can follow: state, power, voltage, SoC, and the meter's import/export
/// registers.</summary>
public static class LiveConsole
{
    public static string Line(EvseManager manager, SimulatedStationHardware hardware)
    {
        ArgumentNullException.ThrowIfNull(manager);
        ArgumentNullException.ThrowIfNull(hardware);
        var volts = hardware.PowerModule.ActualVoltageVolts;
        var amps = hardware.PowerModule.ActualCurrentAmperes;
        var decision = manager.Energy.Decision;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[evse 1] {manager.State,-11} power {volts * amps / 1000,7:0.00} kW ({volts:0} V {amps:0.0} A) setpoint {decision.SetpointWatts / 1000,6:0.0} kW  SoC {hardware.Ev.Battery.StateOfChargePercent,5:0.00} %  import {hardware.EnergyMeter.ImportedEnergyWattHours,8:0.0} Wh  export {hardware.EnergyMeter.ExportedEnergyWattHours,8:0.0} Wh");
    }
}
