namespace ChargePoint.Hal.Safety;

/// <summary>Timing and thresholds of the safety reaction. Bound from configuration section "Safety".</summary>
public sealed record SafetyOptions
{
    /// <summary>How often safety inputs are polled.</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Maximum time from a fault (or a pilot change that demands power-off) to open contactors
    /// (IEC 61851-1 Table A.6 sequence 8.1: 100 ms).</summary>
    public TimeSpan PowerOffDeadline { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Mechanical opening time assumed for the contactors; the open command is issued at the latest this
    /// long before the deadline.</summary>
    public TimeSpan ContactorOperateTime { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>On a normal stop, how long to wait for the power module's current to decay before opening the
    /// contactors under load. Faults that endanger people open at once.</summary>
    public TimeSpan MaxCurrentDecayWait { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Current below which the contactors may be opened without waiting.</summary>
    public double SafeSwitchingCurrentAmperes { get; init; } = 2.0;

    /// <summary>Time the contactor feedback may lag its command; longer disagreement is a fault (welded on open).</summary>
    public TimeSpan ContactorFeedbackTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Insulation resistance below which the DC output is faulty (IEC 61851-23 fault level, 100 Ω/V at 1000 V).</summary>
    public double IsolationFaultOhms { get; init; } = 100_000;

    /// <summary>Insulation resistance at or below which the operator is warned while charging goes on (IEC 61851-23
    /// warning level, 500 Ω/V at 1000 V; see <see cref="Abstractions.IsolationThresholds.ForRatedVoltage"/>).</summary>
    public double IsolationWarningOhms { get; init; } = 500_000;

    /// <summary>The IEC 61851-23 levels the insulation monitor is judged against.</summary>
    public Abstractions.IsolationThresholds IsolationThresholds => new(IsolationWarningOhms, IsolationFaultOhms);

    /// <summary>The power module's status may be this old before the link counts as lost.</summary>
    public TimeSpan PowerModuleCommunicationTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often the energy meter is read.</summary>
    public TimeSpan MeterPollPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Consecutive failed meter reads that trip the station (billing must not run on a dead meter).</summary>
    public int MeterFailuresBeforeFault { get; init; } = 3;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PollPeriod <= TimeSpan.Zero || PollPeriod > TimeSpan.FromMilliseconds(50))
        {
            problems.Add($"Safety:PollPeriod is {PollPeriod}; set it between 1 and 50 ms so faults are seen well within the 100 ms power-off deadline.");
        }

        if (PowerOffDeadline <= TimeSpan.Zero || PowerOffDeadline > TimeSpan.FromMilliseconds(100))
        {
            problems.Add($"Safety:PowerOffDeadline is {PowerOffDeadline}; IEC 61851-1 allows at most 100 ms, set it to 100 ms or less.");
        }

        if (ContactorOperateTime < TimeSpan.Zero || ContactorOperateTime >= PowerOffDeadline)
        {
            problems.Add($"Safety:ContactorOperateTime is {ContactorOperateTime}; it must be below Safety:PowerOffDeadline ({PowerOffDeadline}).");
        }

        if (MeterFailuresBeforeFault < 1)
        {
            problems.Add("Safety:MeterFailuresBeforeFault must be at least 1.");
        }

        if (IsolationFaultOhms <= 0)
        {
            problems.Add("Safety:IsolationFaultOhms must be positive (IEC 61851-23: 100 Ω/V of the maximum output voltage).");
        }

        if (IsolationWarningOhms <= IsolationFaultOhms)
        {
            problems.Add($"Safety:IsolationWarningOhms ({IsolationWarningOhms}) must be above Safety:IsolationFaultOhms ({IsolationFaultOhms}) (IEC 61851-23: 500 Ω/V and 100 Ω/V).");
        }

        return problems;
    }
}
