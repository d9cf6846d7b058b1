using ChargePoint.Firmware.Configuration;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Firmware.Evse;

/// <summary>Builds the hardware bundle the configuration names.</summary>
public static class StationHardwareFactory
{
    /// <summary>The simulated station, rated like the configured EVSE.</summary>
    public static SimulatedStationHardware Simulated(TimeProvider time, HalOptions hal)
    {
        ArgumentNullException.ThrowIfNull(hal);
        var module = new SimulatedPowerModuleOptions
        {
            Capabilities = new PowerModuleCapabilities(
                150, 1000,
                Math.Max(hal.MaxChargeCurrentAmperes, 1), Math.Max(hal.MaxDischargeCurrentAmperes, 1),
                Math.Max(hal.MaxChargePowerWatts, 1), Math.Max(hal.MaxDischargePowerWatts, 1)),
        };
        return new SimulatedStationHardware(time, new SimulatedStationOptions { PowerModule = module });
    }
}
