namespace ChargePoint.Hal.Pilot;

/// <summary>Timing of the IEC 61851-1 pilot logic. Bound from configuration section "Pilot".</summary>
public sealed record PilotOptions
{
    public PilotBandThresholds Bands { get; init; } = new();

    /// <summary>How often the pilot plateaus are sampled.</summary>
    public TimeSpan SamplePeriod { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Identical consecutive classifications needed before a state change is accepted.</summary>
    public int DebounceSamples { get; init; } = 3;

    /// <summary>Maximum time from B2 → C2 (power allowed) to closed contactors (IEC 61851-1 Table A.6 sequence 4,
    /// ISO 15118-20 [V2G20-860]: 3 s).</summary>
    public TimeSpan PowerOnDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>After the EVSE stops PWM (X2 → X1) with the vehicle still in C, power is cut at the latest after
    /// this time (IEC 61851-1 Table A.6 sequence 10.2: 6 s).</summary>
    public TimeSpan PauseForceOffTimeout { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>Time spent in E/F by the error routine (ISO 15118-3 T_step_EF, at least 4 s).</summary>
    public TimeSpan ErrorRoutineDuration { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Whether the station can ventilate; without it state D means power off.</summary>
    public bool VentilationAvailable { get; init; }

    /// <summary>Low plateau above which a running PWM reports a diode fault.</summary>
    public double DiodeFaultLowPlateauVolts { get; init; } = DiodeCheck.DefaultMaxLowPlateauVolts;

    /// <summary>Worst-case time from a pilot change to its detection.</summary>
    public TimeSpan DetectionLatency => SamplePeriod * DebounceSamples;

    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(Bands.Validate());
        if (SamplePeriod <= TimeSpan.Zero || DetectionLatency > TimeSpan.FromMilliseconds(50))
        {
            problems.Add($"Pilot:SamplePeriod × Pilot:DebounceSamples is {DetectionLatency.TotalMilliseconds} ms; keep the pilot filter at 50 ms or less so contactors still open within 100 ms.");
        }

        if (DebounceSamples < 1)
        {
            problems.Add("Pilot:DebounceSamples must be at least 1.");
        }

        if (ErrorRoutineDuration < TimeSpan.FromSeconds(4))
        {
            problems.Add($"Pilot:ErrorRoutineDuration is {ErrorRoutineDuration}; ISO 15118-3 T_step_EF requires at least 4 s.");
        }

        if (PauseForceOffTimeout > TimeSpan.FromSeconds(6) || PauseForceOffTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Pilot:PauseForceOffTimeout is {PauseForceOffTimeout}; IEC 61851-1 sequence 10.2 allows at most 6 s.");
        }

        if (PowerOnDeadline > TimeSpan.FromSeconds(3) || PowerOnDeadline <= TimeSpan.Zero)
        {
            problems.Add($"Pilot:PowerOnDeadline is {PowerOnDeadline}; IEC 61851-1 sequence 4 requires at most 3 s.");
        }

        return problems;
    }
}
