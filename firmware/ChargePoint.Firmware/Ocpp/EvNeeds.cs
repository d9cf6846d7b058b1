using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// The ISO 15118-20 session's parameters in NotifyEVChargingNeeds terms (K15-K17, Q): requested energy transfer
/// from the negotiated service, control mode, and every charge and discharge limit the EV gave in
/// ChargeParameterDiscovery as v2xChargingParameters (discharge values are magnitudes, as the EV sends them).
/// </summary>
public static class EvNeeds
{
    public static EvChargingNeeds From(int evseId, HlcSessionInfo session, EvLimits limits, double? stateOfChargePercent)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(limits);
        var service = Enum.TryParse<EnergyTransferMode>(session.EnergyService, ignoreCase: false, out var mode) ? mode : EnergyTransferMode.DC;
        var isDc = service is EnergyTransferMode.DC or EnergyTransferMode.DC_BPT or EnergyTransferMode.DC_ACDP or EnergyTransferMode.DC_ACDP_BPT;
        return new EvChargingNeeds(evseId, service)
        {
            AvailableEnergyTransfer = [service],
            ControlMode = session.ControlMode.StartsWith("Dynamic", StringComparison.OrdinalIgnoreCase) ? ChargingControlMode.DynamicControl : ChargingControlMode.ScheduledControl,
            Dc = isDc
                ? new DcChargingNeeds(limits.MaxChargeCurrentAmperes, limits.MaxVoltageVolts)
                {
                    EvMaxPower = limits.MaxChargePowerWatts,
                    StateOfCharge = stateOfChargePercent is { } soc ? (int)Math.Clamp(Math.Round(soc), 0, 100) : null,
                }
                : null,
            V2x = new V2xChargingNeeds
            {
                MaxChargePower = limits.MaxChargePowerWatts,
                MaxDischargePower = limits.MaxDischargePowerWatts,
                MaxChargeCurrent = limits.MaxChargeCurrentAmperes,
                MaxDischargeCurrent = limits.MaxDischargeCurrentAmperes,
                MinVoltage = limits.MinVoltageVolts,
                MaxVoltage = limits.MaxVoltageVolts,
            },
        };
    }
}
