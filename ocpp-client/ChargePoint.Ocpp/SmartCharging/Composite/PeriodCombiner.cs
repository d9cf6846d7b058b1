namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Combines the winning periods of one interval into a composite period:
/// limit = min of every applicable maximum (hardware, demand profile, external constraints, station maximum);
/// dischargeLimit = the bound closest to zero among the applicable discharge bounds (all &lt;= 0);
/// setpoint = the one closest to zero, clamped into [dischargeLimit, limit].
/// </summary>
internal static class PeriodCombiner
{
    /// <param name="allWinners">The winner of every precedence group at this instant.</param>
    /// <param name="evse">The hardware ceiling.</param>
    /// <param name="unit">The unit of the result.</param>
    /// <param name="applyStationCaps">
    /// False when the station-wide caps are applied later to a sum of EVSEs: their limits are skipped here,
    /// but their numberPhases still restricts the EVSE.
    /// </param>
    public static CombinedPeriod Combine(in GroupWinners allWinners, EvseCapabilities evse, ChargingRateUnit unit, bool applyStationCaps = true)
    {
        var winners = applyStationCaps
            ? allWinners
            : allWinners with { StationMax = default, StationExternalConstraints = default, LocalGeneration = default };

        // K21: while priority charging is active (only then is the group filled) its profile replaces Tx and TxDefault;
        // a TxProfile replaces the TxDefaultProfile for the transaction.
        var demand = winners.PriorityCharging.Exists ? winners.PriorityCharging
            : winners.Tx.Exists ? winners.Tx
            : winners.TxDefault;
        var mode = demand.Period?.EffectiveOperationMode ?? OperationMode.ChargingOnly;
        var phases = evse.IsDc ? 1 : Phases(allWinners, demand, evse);
        var converter = new RateConverter(evse.NominalVoltage, phases, unit);

        var limit = Math.Min(converter.Convert(evse.MaxChargeCurrent, ChargingRateUnit.A), converter.Convert(evse.MaxChargePower, ChargingRateUnit.W));
        limit = Min(limit, ChargeBound(demand, converter));
        limit = Min(limit, ChargeBound(winners.EvseExternalConstraints, converter));
        limit = Min(limit, ChargeBound(winners.StationExternalConstraints, converter));
        if (ChargeBound(winners.StationMax, converter) is { } stationMax)
        {
            // Assumption (spec text not at hand): LocalGeneration is generation behind the grid connection, so it
            // raises the ChargingStationMaxProfile ceiling by its limit; hardware and external constraints still cap.
            limit = Math.Min(limit, stationMax + (ChargeBound(winners.LocalGeneration, converter) ?? 0));
        }

        var dischargeLimit = mode is OperationMode.ChargingOnly or OperationMode.Idle ? 0 : DischargeCap(winners, demand, evse, converter);
        limit = mode == OperationMode.Idle ? 0 : Math.Max(limit, 0);
        double? setpoint = mode == OperationMode.Idle ? null : CombinedSetpoint(winners, demand, converter);
        if (setpoint is { } s)
        {
            setpoint = Math.Clamp(s, dischargeLimit, limit);
        }

        return new CombinedPeriod(
            limit,
            dischargeLimit,
            setpoint,
            converter.Convert(demand.Period?.SetpointReactive, demand.Unit),
            mode,
            evse.IsDc ? null : phases,
            demand.Period);
    }

    /// <summary>
    /// The discharge bound closest to zero among the hardware's and every winner's (all &lt;= 0); 0 when the
    /// hardware cannot discharge or V2X is off.
    /// </summary>
    internal static double DischargeCap(in GroupWinners winners, WinningPeriod demand, EvseCapabilities evse, RateConverter converter)
    {
        if (!evse.CanDischarge)
        {
            return 0;
        }

        var bound = Math.Max(
            -converter.Convert(evse.MaxDischargeCurrent, ChargingRateUnit.A),
            -converter.Convert(evse.MaxDischargePower, ChargingRateUnit.W));
        bound = Max(bound, DischargeBound(demand, converter));
        bound = Max(bound, DischargeBound(winners.EvseExternalConstraints, converter));
        bound = Max(bound, DischargeBound(winners.StationExternalConstraints, converter));
        bound = Max(bound, DischargeBound(winners.StationMax, converter));
        return Math.Min(bound, 0);
    }

    private static int Phases(in GroupWinners winners, WinningPeriod demand, EvseCapabilities evse)
    {
        // An absent numberPhases means 3 on AC (schema text); the wiring caps it.
        var phases = Math.Clamp(evse.SupplyPhases, 1, 3);
        phases = MinPhases(phases, demand.Period?.NumberPhases ?? 3);
        phases = MinPhases(phases, winners.EvseExternalConstraints.Period?.NumberPhases);
        phases = MinPhases(phases, winners.StationExternalConstraints.Period?.NumberPhases);
        return MinPhases(phases, winners.StationMax.Period?.NumberPhases);
    }

    private static int MinPhases(int current, int? candidate) => candidate is >= 1 and <= 3 ? Math.Min(current, candidate.Value) : current;

    /// <summary>
    /// The charge maximum of a period. A negative limit is the pre-2.1 way to give a discharge limit (schema text),
    /// so it allows no charging; its discharge meaning is read by <see cref="DischargeBound"/>.
    /// </summary>
    private static double? ChargeBound(WinningPeriod winner, RateConverter converter) =>
        winner.Period?.Limit is { } limit ? Math.Max(0, converter.Convert(limit, winner.Unit)) : null;

    private static double? DischargeBound(WinningPeriod winner, RateConverter converter)
    {
        var period = winner.Period;
        var bound = period?.DischargeLimit ?? (period?.Limit is < 0 ? period.Limit : null);
        return converter.Convert(bound, winner.Unit);
    }

    private static double? CombinedSetpoint(in GroupWinners winners, WinningPeriod demand, RateConverter converter)
    {
        var setpoint = converter.Convert(demand.Period?.Setpoint, demand.Unit);
        setpoint = ClosestToZero(setpoint, ExternalSetpoint(winners.EvseExternalConstraints, converter));
        return ClosestToZero(setpoint, ExternalSetpoint(winners.StationExternalConstraints, converter));
    }

    /// <summary>An external system's setpoint counts only in ExternalSetpoint mode (Q05/Q06).</summary>
    private static double? ExternalSetpoint(WinningPeriod winner, RateConverter converter) =>
        winner.Period is { EffectiveOperationMode: OperationMode.ExternalSetpoint, Setpoint: { } s } ? converter.Convert(s, winner.Unit) : null;

    private static double? ClosestToZero(double? a, double? b) =>
        a is null ? b : b is null ? a : Math.Abs(b.Value) < Math.Abs(a.Value) ? b : a;

    private static double Min(double current, double? candidate) => candidate is { } c ? Math.Min(current, c) : current;

    private static double Max(double current, double? candidate) => candidate is { } c ? Math.Max(current, c) : current;
}
