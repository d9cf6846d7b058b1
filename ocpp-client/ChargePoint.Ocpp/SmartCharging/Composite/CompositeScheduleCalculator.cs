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
    private static readonly int GroupCount = Enum.GetValues<PurposeGroup>().Length;

    public static CompositeSchedule Calculate(
        CompositeScheduleRequest request,
        IReadOnlyList<InstalledChargingProfile> profiles,
        EvseCapabilities evse,
        ActiveTransaction? transaction)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(evse);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Duration);

        // scheduleStart is whole seconds; a duration of 0 still yields the single period in force at the start.
        var start = new DateTimeOffset(request.Start.UtcTicks - (request.Start.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var windowLength = Math.Max(1L, request.Duration);
        var groups = BuildGroups(request, profiles, transaction, start, windowLength);
        var changePoints = ChangePoints(groups, windowLength);

        var periods = ImmutableArray.CreateBuilder<CompositePeriod>();
        foreach (var second in changePoints)
        {
            var winners = Winners(groups, second);
            var period = PeriodCombiner.Combine(winners, evse, request.ChargingRateUnit, (int)second);
            if (periods.Count == 0 || !periods[^1].HasSameValues(period))
            {
                periods.Add(period);
            }
        }

        return new CompositeSchedule(request.EvseId, start, request.Duration, request.ChargingRateUnit, periods.ToImmutable());
    }

    private static List<ProfileTrack>[] BuildGroups(
        CompositeScheduleRequest request,
        IReadOnlyList<InstalledChargingProfile> profiles,
        ActiveTransaction? transaction,
        DateTimeOffset start,
        long windowLength)
    {
        var groups = new List<ProfileTrack>[GroupCount];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = [];
        }

        foreach (var installed in profiles)
        {
            if (GroupOf(installed, request.EvseId, transaction) is { } group && !installed.Profile.ChargingSchedule.IsDefaultOrEmpty)
            {
                groups[(int)group].Add(ProfileExpander.Expand(installed, start, windowLength, transaction, request.OfflineSince));
            }
        }

        foreach (var group in groups)
        {
            // Precedence inside a group: higher stackLevel, then EVSE-specific over station-wide, then the higher id.
            group.Sort(static (a, b) =>
                b.StackLevel != a.StackLevel ? b.StackLevel.CompareTo(a.StackLevel)
                : b.IsEvseSpecific != a.IsEvseSpecific ? b.IsEvseSpecific.CompareTo(a.IsEvseSpecific)
                : b.Installed.Profile.Id.CompareTo(a.Installed.Profile.Id));
        }

        return groups;
    }

    /// <summary>Which group a profile joins for this EVSE and transaction, or null when it does not apply.</summary>
    private static PurposeGroup? GroupOf(InstalledChargingProfile installed, int evseId, ActiveTransaction? transaction)
    {
        if (installed.EvseId != 0 && installed.EvseId != evseId)
        {
            return null;
        }

        var profile = installed.Profile;
        return profile.ChargingProfilePurpose switch
        {
            // A TxProfile belongs to one transaction on one EVSE (K01.FR.09/16/33).
            ChargingProfilePurpose.TxProfile when transaction is not null && installed.EvseId == evseId
                && (profile.TransactionId is null || profile.TransactionId == transaction.TransactionId) => PurposeGroup.Tx,
            ChargingProfilePurpose.TxProfile => null,
            ChargingProfilePurpose.TxDefaultProfile => PurposeGroup.TxDefault,
            ChargingProfilePurpose.PriorityCharging when transaction is { PriorityChargingActive: true } => PurposeGroup.PriorityCharging,
            ChargingProfilePurpose.PriorityCharging => null,

            // ChargingStationMaxProfile lives on evseId 0 only (K01.FR.03).
            ChargingProfilePurpose.ChargingStationMaxProfile when installed.EvseId == 0 => PurposeGroup.StationMax,
            ChargingProfilePurpose.ChargingStationMaxProfile => null,
            ChargingProfilePurpose.ChargingStationExternalConstraints when installed.EvseId == 0 => PurposeGroup.StationExternalConstraints,
            ChargingProfilePurpose.ChargingStationExternalConstraints => PurposeGroup.EvseExternalConstraints,
            ChargingProfilePurpose.LocalGeneration => PurposeGroup.LocalGeneration,
            _ => null,
        };
    }

    private static long[] ChangePoints(List<ProfileTrack>[] groups, long windowLength)
    {
        var count = 1;
        foreach (var group in groups)
        {
            foreach (var track in group)
            {
                count += 2 * track.Segments.Count;
            }
        }

        var points = new long[count];
        var n = 0;
        points[n++] = 0;
        foreach (var group in groups)
        {
            foreach (var track in group)
            {
                foreach (var segment in track.Segments)
                {
                    points[n++] = segment.Start;
                    points[n++] = segment.End;
                }
            }
        }

        Array.Sort(points);
        var unique = 0;
        foreach (var point in points)
        {
            if (point < windowLength && (unique == 0 || points[unique - 1] != point))
            {
                points[unique++] = point;
            }
        }

        return points[..unique];
    }

    private static GroupWinners Winners(List<ProfileTrack>[] groups, long second) => new()
    {
        PriorityCharging = Winner(groups[(int)PurposeGroup.PriorityCharging], second),
        Tx = Winner(groups[(int)PurposeGroup.Tx], second),
        TxDefault = Winner(groups[(int)PurposeGroup.TxDefault], second),
        StationMax = Winner(groups[(int)PurposeGroup.StationMax], second),
        StationExternalConstraints = Winner(groups[(int)PurposeGroup.StationExternalConstraints], second),
        EvseExternalConstraints = Winner(groups[(int)PurposeGroup.EvseExternalConstraints], second),
        LocalGeneration = Winner(groups[(int)PurposeGroup.LocalGeneration], second),
    };

    private static WinningPeriod Winner(List<ProfileTrack> group, long second)
    {
        // Every track's cursor must advance to this instant, so the first hit does not end the loop.
        WinningPeriod winner = default;
        foreach (var track in group)
        {
            var period = track.PeriodAt(second);
            if (period is not null && !winner.Exists)
            {
                winner = new WinningPeriod(period, track.Schedule.ChargingRateUnit);
            }
        }

        return winner;
    }
}
