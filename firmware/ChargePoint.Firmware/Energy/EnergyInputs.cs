using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// Everything the effective limits depend on, as one immutable value so a decision can be recomputed (and
/// tested) from it alone.
/// </summary>
public sealed record EnergyInputs
{
    /// <summary>The composite schedule's period in force, converted to W/A at the present voltage.</summary>
    public ScheduleLimit? Schedule { get; init; }

    /// <summary>The EV's limits (null until the ISO 15118-20 session reports them).</summary>
    public PowerBounds Ev { get; init; } = PowerBounds.None;

    /// <summary>The EVSE's configured rating.</summary>
    public PowerBounds Evse { get; init; } = PowerBounds.None;

    /// <summary>The power module's capabilities.</summary>
    public PowerBounds PowerModule { get; init; } = PowerBounds.None;

    /// <summary>The cable's ampacity in A (null when unknown or not limiting).</summary>
    public double? CableAmperes { get; init; }

    /// <summary>The present DC (or AC phase-sum equivalent) voltage used to compare current and power bounds.</summary>
    public double PresentVoltageVolts { get; init; }

    /// <summary>The EV's own target power (signed: positive charge, negative discharge) when it asks for one
    /// (Dynamic mode EVTargetEnergyRequest / AC EVPresentActivePower target), otherwise null.</summary>
    public double? EvTargetWatts { get; init; }
}

/// <summary>The composite schedule's period in force: limit ≥ 0, discharge limit as a magnitude ≥ 0, optional
/// signed setpoint (OCPP 2.1: negative means discharge), and the period's operation mode.</summary>
public sealed record ScheduleLimit(double ChargeWatts, double DischargeWatts, double? SetpointWatts, OperationMode Mode = OperationMode.ChargingOnly);
