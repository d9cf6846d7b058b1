using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// <see cref="EvChargingNeeds"/> to NotifyEVChargingNeedsRequest. Not sent: derChargingParameters and
/// evEnergyOffer (the EV's own power schedule), which the firmware does not collect yet.
/// </summary>
public static class EvChargingNeedsMapper
{
    public static NotifyEVChargingNeedsRequest ToRequest(EvChargingNeeds needs, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(needs);
        return new NotifyEVChargingNeedsRequest
        {
            EvseId = needs.EvseId,
            MaxScheduleTuples = needs.MaxScheduleTuples,
            Timestamp = timestamp,
            ChargingNeeds = new ChargingNeedsType
            {
                RequestedEnergyTransfer = Mode(needs.RequestedEnergyTransfer),
                AvailableEnergyTransfer = needs.AvailableEnergyTransfer.IsDefaultOrEmpty ? null : [.. needs.AvailableEnergyTransfer.Select(Mode)],
                ControlMode = needs.ControlMode is { } c ? WireEnums.Map<ChargingControlMode, ControlModeEnumType>(c) : null,
                MobilityNeedsMode = needs.MobilityNeedsMode is { } m ? WireEnums.Map<MobilityNeedsMode, MobilityNeedsModeEnumType>(m) : null,
                DepartureTime = needs.DepartureTime,
                AcChargingParameters = needs.Ac is { } ac ? new ACChargingParametersType
                {
                    EnergyAmount = ac.EnergyAmount,
                    EvMinCurrent = ac.EvMinCurrent,
                    EvMaxCurrent = ac.EvMaxCurrent,
                    EvMaxVoltage = ac.EvMaxVoltage,
                } : null,
                DcChargingParameters = needs.Dc is { } dc ? new DCChargingParametersType
                {
                    EvMaxCurrent = dc.EvMaxCurrent,
                    EvMaxVoltage = dc.EvMaxVoltage,
                    EvMaxPower = dc.EvMaxPower,
                    EvEnergyCapacity = dc.EvEnergyCapacity,
                    EnergyAmount = dc.EnergyAmount,
                    StateOfCharge = dc.StateOfCharge,
                    FullSoC = dc.FullSoC,
                    BulkSoC = dc.BulkSoC,
                } : null,
                V2xChargingParameters = needs.V2x is { } v2x ? ToWire(v2x) : null,
            },
        };
    }

    private static EnergyTransferModeEnumType Mode(EnergyTransferMode mode) => WireEnums.Map<EnergyTransferMode, EnergyTransferModeEnumType>(mode);

    private static V2XChargingParametersType ToWire(V2xChargingNeeds v) => new()
    {
        MinChargePower = v.MinChargePower,
        MinChargePowerL2 = v.MinChargePowerL2,
        MinChargePowerL3 = v.MinChargePowerL3,
        MaxChargePower = v.MaxChargePower,
        MaxChargePowerL2 = v.MaxChargePowerL2,
        MaxChargePowerL3 = v.MaxChargePowerL3,
        MinDischargePower = v.MinDischargePower,
        MinDischargePowerL2 = v.MinDischargePowerL2,
        MinDischargePowerL3 = v.MinDischargePowerL3,
        MaxDischargePower = v.MaxDischargePower,
        MaxDischargePowerL2 = v.MaxDischargePowerL2,
        MaxDischargePowerL3 = v.MaxDischargePowerL3,
        MinChargeCurrent = v.MinChargeCurrent,
        MaxChargeCurrent = v.MaxChargeCurrent,
        MinDischargeCurrent = v.MinDischargeCurrent,
        MaxDischargeCurrent = v.MaxDischargeCurrent,
        MinVoltage = v.MinVoltage,
        MaxVoltage = v.MaxVoltage,
        EvTargetEnergyRequest = v.EvTargetEnergyRequest,
        EvMinEnergyRequest = v.EvMinEnergyRequest,
        EvMaxEnergyRequest = v.EvMaxEnergyRequest,
        EvMinV2XEnergyRequest = v.EvMinV2XEnergyRequest,
        EvMaxV2XEnergyRequest = v.EvMaxV2XEnergyRequest,
        TargetSoC = v.TargetSoC,
    };
}
