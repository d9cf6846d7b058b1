namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// The precedence groups of the composite: within a group the highest stackLevel with a period in force wins
/// (an EVSE-specific profile before a station-wide one at the same level). Caps from the station and from the
/// EVSE are separate groups because both must hold.
/// </summary>
internal enum PurposeGroup
{
    PriorityCharging,
    Tx,
    TxDefault,
    StationMax,
    StationExternalConstraints,
    EvseExternalConstraints,
    LocalGeneration,
}

/// <summary>The winning period of each group at one instant, with the unit of the schedule it came from.</summary>
internal struct GroupWinners
{
    public WinningPeriod PriorityCharging;
    public WinningPeriod Tx;
    public WinningPeriod TxDefault;
    public WinningPeriod StationMax;
    public WinningPeriod StationExternalConstraints;
    public WinningPeriod EvseExternalConstraints;
    public WinningPeriod LocalGeneration;
}

internal readonly record struct WinningPeriod(ChargingSchedulePeriod? Period, ChargingRateUnit Unit)
{
    public bool Exists => Period is not null;
}
