namespace ChargePoint.V2g.Secc;

/// <summary>
/// What the EV told us about its needs and limits, merged over ChargeParameterDiscovery, ScheduleExchange and
/// the Dynamic charge loop. Discharge limits are magnitudes whatever sign the EV used. Energy in Wh, power W,
/// current A, voltage V; <see cref="DepartureTime"/> in seconds from the request.
/// </summary>
public sealed record EvChargingNeeds
{
    public EnergyTransferService Service { get; init; }

    public ControlMode ControlMode { get; init; }

    public uint? DepartureTime { get; init; }

    public int? MinimumSoc { get; init; }

    public int? TargetSoc { get; init; }

    public int? PresentSoc { get; init; }

    public double? TargetEnergyRequest { get; init; }

    public double? MaximumEnergyRequest { get; init; }

    public double? MinimumEnergyRequest { get; init; }

    public double? MaximumV2XEnergyRequest { get; init; }

    public double? MinimumV2XEnergyRequest { get; init; }

    public double? MaximumChargePower { get; init; }

    public double? MinimumChargePower { get; init; }

    public double? MaximumChargeCurrent { get; init; }

    public double? MinimumChargeCurrent { get; init; }

    public double? MaximumVoltage { get; init; }

    public double? MinimumVoltage { get; init; }

    public double? MaximumDischargePower { get; init; }

    public double? MinimumDischargePower { get; init; }

    public double? MaximumDischargeCurrent { get; init; }

    public double? MinimumDischargeCurrent { get; init; }
}
