using System.Buffers;
using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// The composite schedule for evseId 0: each EVSE's schedule (its transaction and default profiles, its own
/// external constraints and hardware) summed, then the station caps applied last: the grid connection,
/// ChargingStationMaxProfile (raised by LocalGeneration) and station-wide external constraints.
/// Setpoints are per EVSE and are not summed.
/// Approximations: A values are summed as if every EVSE used the same phases, and a station cap in A is
/// converted with the connection's phases; an EVSE-specific LocalGeneration profile raises only that EVSE's own
/// schedule, not the station's.
/// </summary>
public static class StationCompositeCalculator
{
    public static CompositeSchedule Calculate(
        CompositeScheduleRequest request,
        IReadOnlyList<InstalledChargingProfile> profiles,
        IReadOnlyList<StationEvse> evses,
        EvseCapabilities connection)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(evses);
        ArgumentNullException.ThrowIfNull(connection);

        var (start, windowLength) = CompositeScheduleCalculator.Window(request);
        var lanes = evses.Select(e => new EvseLane(e.EvseId, profiles, e.Transaction, start, windowLength, request.OfflineSince)).ToList();
        var stationLane = new EvseLane(0, profiles, null, start, windowLength, request.OfflineSince);
        var buffer = ChangePoints.Rent([.. lanes, stationLane], windowLength, out var count);
        try
        {
            var periods = ImmutableArray.CreateBuilder<CompositePeriod>();
            CombinedPeriod previous = default;
            foreach (var second in buffer.AsSpan(0, count))
            {
                var combined = Combine(lanes, evses, stationLane.Winners(second), connection, request.ChargingRateUnit, second);
                if (periods.Count == 0 || !previous.HasSameValues(combined))
                {
                    periods.Add(combined.ToCompositePeriod((int)second));
                    previous = combined;
                }
            }

            return new CompositeSchedule(0, start, request.Duration, request.ChargingRateUnit, periods.ToImmutable());
        }
        finally
        {
            ArrayPool<long>.Shared.Return(buffer);
        }
    }

    private static CombinedPeriod Combine(
        List<EvseLane> lanes, IReadOnlyList<StationEvse> evses, GroupWinners station, EvseCapabilities connection, ChargingRateUnit unit, long second)
    {
        double limit = 0, dischargeLimit = 0;
        var phases = 0;
        OperationMode? mode = null;
        var mixedModes = false;
        for (var i = 0; i < lanes.Count; i++)
        {
            // Station-wide caps hold for the sum, not for each EVSE.
            var evse = PeriodCombiner.Combine(lanes[i].Winners(second), evses[i].Capabilities, unit, applyStationCaps: false);
            limit += evse.Limit;
            dischargeLimit += evse.DischargeLimit;
            phases = Math.Max(phases, evse.NumberPhases ?? 0);
            mixedModes |= mode is not null && mode != evse.OperationMode;
            mode = evse.OperationMode;
        }

        // Only the caps count on the station lane: no demand profile, so Combine yields min(connection, caps).
        var caps = station with { PriorityCharging = default, Tx = default, TxDefault = default, EvseExternalConstraints = default };
        var cap = PeriodCombiner.Combine(caps, connection, unit);
        var converter = new RateConverter(connection.NominalVoltage, cap.NumberPhases ?? 1, unit);
        return new CombinedPeriod(
            Math.Min(limit, cap.Limit),
            Math.Min(0, Math.Max(dischargeLimit, PeriodCombiner.DischargeCap(caps, default, connection, converter))),
            Setpoint: null,
            SetpointReactive: null,

            // The wire has no "mixed" mode: EVSEs that disagree are reported as ChargingOnly; their own schedules carry the modes.
            mixedModes || mode is null ? OperationMode.ChargingOnly : mode.Value,
            connection.IsDc ? null : Math.Max(1, phases),
            Source: null);
    }
}
