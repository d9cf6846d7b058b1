using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// The ISO 15118-20 session's parameters in NotifyEVChargingNeeds terms (K15-K17, Q): requested energy transfer
/// from the negotiated service, control mode, departure time, and every charge and discharge limit and energy request
/// the EV gave in ChargeParameterDiscovery and ScheduleExchange as v2xChargingParameters (discharge limits are
/// magnitudes; the V2X energy requests keep the EV's sign, which OCPP allows).
/// </summary>
public static class EvNeeds
{
    /// <param name="evseId">The EVSE.</param>
    /// <param name="session">The negotiated service and control mode.</param>
    /// <param name="limits">The EV's limits, energy requests and departure time.</param>
    /// <param name="stateOfChargePercent">The EV's state of charge, when known.</param>
    /// <param name="now">When the needs were received (the departure time is relative to it).</param>
    public static EvChargingNeeds From(int evseId, HlcSessionInfo session, EvLimits limits, double? stateOfChargePercent, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(limits);
        var service = Enum.TryParse<EnergyTransferMode>(session.EnergyService, ignoreCase: false, out var mode) ? mode : EnergyTransferMode.DC;
        var isDc = service is EnergyTransferMode.DC or EnergyTransferMode.DC_BPT or EnergyTransferMode.DC_ACDP or EnergyTransferMode.DC_ACDP_BPT;
        return new EvChargingNeeds(evseId, service)
        {
            AvailableEnergyTransfer = [service],
            ControlMode = session.ControlMode.StartsWith("Dynamic", StringComparison.OrdinalIgnoreCase) ? ChargingControlMode.DynamicControl : ChargingControlMode.ScheduledControl,
            DepartureTime = now is { } at && limits.DepartureSeconds is { } seconds ? at.AddSeconds(seconds) : null,
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
                EvTargetEnergyRequest = limits.TargetEnergyRequestWattHours,
                EvMinEnergyRequest = limits.MinEnergyRequestWattHours,
                EvMaxEnergyRequest = limits.MaxEnergyRequestWattHours,
                EvMinV2XEnergyRequest = limits.MinV2xEnergyRequestWattHours,
                EvMaxV2XEnergyRequest = limits.MaxV2xEnergyRequestWattHours,
            },
        };
    }
}
