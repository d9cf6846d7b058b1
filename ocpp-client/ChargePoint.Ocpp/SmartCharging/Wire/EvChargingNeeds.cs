using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// What the EV told the SECC about its needs (ISO 15118-20 ServiceDiscovery/ScheduleExchange), in OCPP terms,
/// for NotifyEVChargingNeeds (K15-K17, Q). The firmware fills it from the session; the OCPP client sends it.
/// </summary>
public sealed record EvChargingNeeds(int EvseId, EnergyTransferMode RequestedEnergyTransfer)
{
    /// <summary>Every mode the EV offered (ISO 15118-20); the CSMS may choose another through the profile.</summary>
    public ImmutableArray<EnergyTransferMode> AvailableEnergyTransfer { get; init; } = [];

    public ChargingControlMode? ControlMode { get; init; }
    public MobilityNeedsMode? MobilityNeedsMode { get; init; }
    public DateTimeOffset? DepartureTime { get; init; }

    /// <summary>How many schedule tuples the EV can take (ISO 15118 MaximumSupportingPoints context).</summary>
    public int? MaxScheduleTuples { get; init; }

    public AcChargingNeeds? Ac { get; init; }
    public DcChargingNeeds? Dc { get; init; }
    public V2xChargingNeeds? V2x { get; init; }
}

/// <summary>ACChargingParametersType: energy in Wh, currents in A, voltage in V.</summary>
public sealed record AcChargingNeeds(double EnergyAmount, double EvMinCurrent, double EvMaxCurrent, double EvMaxVoltage);

/// <summary>DCChargingParametersType: current in A, voltage in V, power in W, energies in Wh, SoC in percent.</summary>
public sealed record DcChargingNeeds(double EvMaxCurrent, double EvMaxVoltage)
{
    public double? EvMaxPower { get; init; }
    public double? EvEnergyCapacity { get; init; }
    public double? EnergyAmount { get; init; }
    public int? StateOfCharge { get; init; }
    public int? FullSoC { get; init; }
    public int? BulkSoC { get; init; }
}

/// <summary>
/// V2XChargingParametersType, every charge and discharge field of the ISO 15118-20 BPT parameters: powers in W
/// (L2/L3 for per-phase AC values), currents in A, voltages in V, energy requests in Wh. Discharge values are
/// magnitudes, as the EV sends them.
/// </summary>
public sealed record V2xChargingNeeds
{
    public double? MinChargePower { get; init; }
    public double? MinChargePowerL2 { get; init; }
    public double? MinChargePowerL3 { get; init; }
    public double? MaxChargePower { get; init; }
    public double? MaxChargePowerL2 { get; init; }
    public double? MaxChargePowerL3 { get; init; }
    public double? MinDischargePower { get; init; }
    public double? MinDischargePowerL2 { get; init; }
    public double? MinDischargePowerL3 { get; init; }
    public double? MaxDischargePower { get; init; }
    public double? MaxDischargePowerL2 { get; init; }
    public double? MaxDischargePowerL3 { get; init; }
    public double? MinChargeCurrent { get; init; }
    public double? MaxChargeCurrent { get; init; }
    public double? MinDischargeCurrent { get; init; }
    public double? MaxDischargeCurrent { get; init; }
    public double? MinVoltage { get; init; }
    public double? MaxVoltage { get; init; }
    public double? EvTargetEnergyRequest { get; init; }
    public double? EvMinEnergyRequest { get; init; }
    public double? EvMaxEnergyRequest { get; init; }
    public double? EvMinV2XEnergyRequest { get; init; }
    public double? EvMaxV2XEnergyRequest { get; init; }
    public int? TargetSoC { get; init; }
}
