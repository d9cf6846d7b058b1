using System.Buffers;
using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// The composite schedule of one EVSE as a pure function of the installed profiles, the evaluation window,
/// the transaction and the EVSE's capabilities (K08, GetCompositeSchedule).
/// It sweeps over the instants where any profile's period changes, so its cost grows with the number of
/// periods, not with the length of the window.
/// </summary>
public static class CompositeScheduleCalculator
{
    /// <summary>
    /// The longest window evaluated (31 days). A GetCompositeSchedule beyond it must be answered Rejected by the
    /// caller: recurring profiles repeat per day, so an unbounded duration would make the work unbounded too.
    /// </summary>
    public const int MaxDuration = 31 * 86_400;

    public static CompositeSchedule Calculate(
        CompositeScheduleRequest request,
        IReadOnlyList<InstalledChargingProfile> profiles,
        EvseCapabilities evse,
        ActiveTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(evse);
        var (start, windowLength) = Window(request);
        var lane = new EvseLane(request.EvseId, profiles, transaction, start, windowLength, request.OfflineSince);
        var buffer = ChangePoints.Rent([lane], windowLength, out var count);
        try
        {
            var periods = ImmutableArray.CreateBuilder<CompositePeriod>();
            CombinedPeriod previous = default;
            foreach (var second in buffer.AsSpan(0, count))
            {
                var combined = PeriodCombiner.Combine(lane.Winners(second), evse, request.ChargingRateUnit);
                if (periods.Count == 0 || !previous.HasSameValues(combined))
                {
                    periods.Add(combined.ToCompositePeriod((int)second));
                    previous = combined;
                }
            }

            return new CompositeSchedule(request.EvseId, start, request.Duration, request.ChargingRateUnit, periods.ToImmutable());
        }
        finally
        {
            ArrayPool<long>.Shared.Return(buffer);
        }
    }

    /// <summary>scheduleStart in whole seconds; a duration of 0 still evaluates the one period in force at the start.</summary>
    internal static (DateTimeOffset Start, long Length) Window(CompositeScheduleRequest request)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(request.Duration);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Duration, MaxDuration);
        return (new DateTimeOffset(request.Start.UtcTicks - (request.Start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
            Math.Max(1L, request.Duration));
    }
}
