namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// One profile laid out on the evaluation window: time-ordered, non-overlapping segments in whole seconds from
/// the window start, each pointing at the period in force. A cursor walks it once during the sweep.
/// </summary>
internal sealed class ProfileTrack
{
    private readonly List<TrackSegment> _segments;
    private int _cursor;

    public ProfileTrack(InstalledChargingProfile installed, List<TrackSegment> segments)
    {
        Installed = installed;
        _segments = segments;
        Schedule = installed.Profile.ChargingSchedule[0];
    }

    public InstalledChargingProfile Installed { get; }
    public ChargingSchedule Schedule { get; }
    public IReadOnlyList<TrackSegment> Segments => _segments;
    public int StackLevel => Installed.Profile.StackLevel;
    public bool IsEvseSpecific => Installed.EvseId != 0;

    /// <summary>The period in force at <paramref name="second"/>; calls must come in non-decreasing time order.</summary>
    public ChargingSchedulePeriod? PeriodAt(long second)
    {
        while (_cursor < _segments.Count && _segments[_cursor].End <= second)
        {
            _cursor++;
        }

        if (_cursor < _segments.Count && _segments[_cursor].Start <= second)
        {
            return Schedule.ChargingSchedulePeriod[_segments[_cursor].PeriodIndex];
        }

        return null;
    }
}

/// <summary>[Start, End) in seconds from the window start during which period <see cref="PeriodIndex"/> applies.</summary>
internal readonly record struct TrackSegment(long Start, long End, int PeriodIndex);
