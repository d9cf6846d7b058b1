using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// The ISO 15118-20 session's parameters in NotifyEVChargingNeeds terms (K18/K19, Q01): requested energy transfer
/// from the negotiated service, control mode, departure time, and every charge and discharge limit the EV gave in
/// ChargeParameterDiscovery with the energy requests of its ScheduleExchangeReq as v2xChargingParameters (discharge
/// powers and currents are magnitudes, as the EV sends them; the V2X minimum energy request is negative when the EV
/// may give energy back).
/// </summary>
public static class EvNeeds
{
    public static EvChargingNeeds From(int evseId, HlcSessionInfo session, EvLimits limits, double? stateOfChargePercent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(limits);
        var service = Enum.TryParse<EnergyTransferMode>(session.EnergyService, ignoreCase: false, out var mode) ? mode : EnergyTransferMode.DC;
        var isDc = service is EnergyTransferMode.DC or EnergyTransferMode.DC_BPT or EnergyTransferMode.DC_ACDP or EnergyTransferMode.DC_ACDP_BPT;
        return new EvChargingNeeds(evseId, service)
        {
            AvailableEnergyTransfer = [service],
            ControlMode = session.ControlMode.StartsWith("Dynamic", StringComparison.OrdinalIgnoreCase) ? ChargingControlMode.DynamicControl : ChargingControlMode.ScheduledControl,
            DepartureTime = limits.DepartureSeconds is { } seconds ? now.AddSeconds(seconds) : null,
            Dc = isDc
                ? new DcChargingNeeds(limits.MaxChargeCurrentAmperes, limits.MaxVoltageVolts)
                {
                    EvMaxPower = limits.MaxChargePowerWatts,
                    EnergyAmount = limits.TargetEnergyRequestWattHours is > 0 ? limits.TargetEnergyRequestWattHours : null,
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
                EvTargetEnergyRequest = limits.TargetEnergyRequestWattHours,
                EvMaxEnergyRequest = limits.MaximumEnergyRequestWattHours,
                EvMinEnergyRequest = limits.MinimumEnergyRequestWattHours,
                EvMaxV2XEnergyRequest = limits.MaximumV2xEnergyRequestWattHours,
                EvMinV2XEnergyRequest = limits.MinimumV2xEnergyRequestWattHours,
                TargetSoC = limits.TargetSocPercent is { } target ? Math.Clamp(target, 0, 100) : null,
            },
        };
    }
}
