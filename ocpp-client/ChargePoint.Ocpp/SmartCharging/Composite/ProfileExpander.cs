namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Lays a profile out on [0, windowLength) seconds from the window start: anchors it by kind, repeats
/// Recurring ones, and clips to the schedule duration, validFrom/validTo and the offline allowance.
/// </summary>
internal static class ProfileExpander
{
    private const long SecondsPerDay = 86_400;
    private const long SecondsPerWeek = 7 * SecondsPerDay;

    public static ProfileTrack Expand(
        InstalledChargingProfile installed,
        DateTimeOffset windowStart,
        long windowLength,
        ActiveTransaction? transaction,
        DateTimeOffset? offlineSince)
    {
        var profile = installed.Profile;
        var schedule = profile.ChargingSchedule[0];
        var segments = new List<TrackSegment>(schedule.ChargingSchedulePeriod.Length);
        var (validStart, validEnd) = ValidityWindow(profile, windowStart, windowLength, offlineSince);
        if (validStart < validEnd)
        {
            var anchor = Anchor(installed, schedule, windowStart, transaction);
            if (profile.ChargingProfileKind == ChargingProfileKind.Recurring)
            {
                AddRecurrences(segments, schedule, anchor, RecurrencePeriod(profile), validStart, validEnd);
            }
            else
            {
                var length = schedule.Duration is { } d ? d : long.MaxValue / 4;
                if (profile.ChargingProfileKind == ChargingProfileKind.Dynamic && schedule.Duration is { } validFor && profile.DynUpdateTime is { } updated)
                {
                    // K28.FR.13/15 (K29.FR.07, Q05/Q06): a Dynamic schedule with a duration lasts that long after its
                    // last update, and an update makes it eligible again (K28.FR.14): the guard against a CSMS or
                    // external system that stopped sending updates.
                    length = Math.Max(0, SecondsFrom(windowStart, updated, roundUp: false) + validFor - anchor);
                }

                AddOccurrence(segments, schedule, anchor, length, validStart, validEnd);
            }
        }

        return new ProfileTrack(installed, segments);
    }

    private static (long Start, long End) ValidityWindow(
        ChargingProfile profile, DateTimeOffset windowStart, long windowLength, DateTimeOffset? offlineSince)
    {
        var start = profile.ValidFrom is { } from ? Math.Max(0, SecondsFrom(windowStart, from, roundUp: true)) : 0;
        var end = profile.ValidTo is { } to ? Math.Min(windowLength, SecondsFrom(windowStart, to, roundUp: true)) : windowLength;

        // maxOfflineDuration: the profile stops counting that long after the station went offline.
        if (offlineSince is { } offline && profile.MaxOfflineDuration is { } allowance)
        {
            end = Math.Min(end, SecondsFrom(windowStart, offline, roundUp: true) + allowance);
        }

        return (start, end);
    }

    private static long Anchor(InstalledChargingProfile installed, ChargingSchedule schedule, DateTimeOffset windowStart, ActiveTransaction? transaction)
    {
        // Relative schedules count from the transaction start; without a transaction the window start is
        // taken as if a transaction started now (that is what a GetCompositeSchedule before plug-in asks).
        // Station-wide caps belong to no transaction, so they always count from the window start, and the
        // station schedule and every EVSE's schedule see them alike.
        var profile = installed.Profile;
        var stationWideCap = installed.EvseId == 0 && profile.ChargingProfilePurpose is ChargingProfilePurpose.ChargingStationMaxProfile
            or ChargingProfilePurpose.ChargingStationExternalConstraints or ChargingProfilePurpose.LocalGeneration;
        var relativeAnchor = transaction is not null && !stationWideCap ? SecondsFrom(windowStart, transaction.StartTime, roundUp: false) : 0;
        return profile.ChargingProfileKind switch
        {
            ChargingProfileKind.Relative => relativeAnchor,
            _ when schedule.StartSchedule is { } startSchedule => SecondsFrom(windowStart, startSchedule, roundUp: false),

            // Absolute/Recurring always carry startSchedule once validated (K01.FR.40); a Dynamic profile without
            // one runs from its validFrom, or else like a Relative one.
            ChargingProfileKind.Dynamic when profile.ValidFrom is { } validFrom => SecondsFrom(windowStart, validFrom, roundUp: false),
            _ => relativeAnchor,
        };
    }

    private static long RecurrencePeriod(ChargingProfile profile) =>
        profile.RecurrencyKind == RecurrencyKind.Weekly ? SecondsPerWeek : SecondsPerDay;

    private static void AddRecurrences(
        List<TrackSegment> segments, ChargingSchedule schedule, long anchor, long period, long validStart, long validEnd)
    {
        // One occurrence per day/week, also before startSchedule: a daily profile that starts at 22:00 covers
        // the early morning with its previous occurrence's tail, which is how a recurrence is meant to be read.
        var length = schedule.Duration is { } d && d < period ? d : period;
        var first = anchor + (FloorDiv(validStart - anchor, period) * period);
        for (var occurrence = first; occurrence < validEnd; occurrence += period)
        {
            AddOccurrence(segments, schedule, occurrence, length, validStart, validEnd);
        }
    }

    private static void AddOccurrence(
        List<TrackSegment> segments, ChargingSchedule schedule, long anchor, long length, long validStart, long validEnd)
    {
        var periods = schedule.ChargingSchedulePeriod;
        var occurrenceEnd = SaturatingAdd(anchor, length);
        for (var i = 0; i < periods.Length; i++)
        {
            var start = anchor + periods[i].StartPeriod;
            var end = i + 1 < periods.Length ? Math.Min(anchor + periods[i + 1].StartPeriod, occurrenceEnd) : occurrenceEnd;
            start = Math.Max(start, validStart);
            end = Math.Min(end, validEnd);
            if (start < end)
            {
                segments.Add(new TrackSegment(start, end, i));
            }
        }
    }

    private static long SecondsFrom(DateTimeOffset origin, DateTimeOffset instant, bool roundUp)
    {
        var ticks = (instant - origin).Ticks;
        var seconds = FloorDiv(ticks, TimeSpan.TicksPerSecond);
        return roundUp && seconds * TimeSpan.TicksPerSecond != ticks ? seconds + 1 : seconds;
    }

    private static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0) && ((value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }

    private static long SaturatingAdd(long a, long b) => a > 0 && b > long.MaxValue - a ? long.MaxValue : a + b;
}
