namespace ChargePoint.Hal.Pilot;

/// <summary>
/// Band edges for classifying the pilot's high plateau, in volts. Each edge lies between two adjacent bands;
/// a reading has to pass the edge by <see cref="HysteresisVolts"/> before the classification changes, so a
/// reading inside the gap keeps the previous state. With the defaults the bands are those of
/// IEC 61851-1 Table A.4: A 11…13 V, B 8…10 V, C 5…7 V, D 2…4 V, E −1…1 V, F −13…−11 V, with the gaps between
/// them acting as hysteresis; above 13 V, between −10 and −2 V and below −13 V the pilot is faulty.
/// </summary>
public sealed record PilotBandThresholds
{
    public double HysteresisVolts { get; init; } = 0.5;

    /// <summary>Edge between the low fault band and F.</summary>
    public double FaultLowToFVolts { get; init; } = -13.0;

    /// <summary>Edge between F and the negative fault band.</summary>
    public double FToFaultVolts { get; init; } = -10.5;

    /// <summary>Edge between the negative fault band and E.</summary>
    public double FaultToEVolts { get; init; } = -1.5;

    public double EToDVolts { get; init; } = 1.5;

    public double DToCVolts { get; init; } = 4.5;

    public double CToBVolts { get; init; } = 7.5;

    public double BToAVolts { get; init; } = 10.5;

    /// <summary>Edge between A and the high fault band.</summary>
    public double AToFaultHighVolts { get; init; } = 13.0;

    /// <summary>Edges in ascending order, as used by <see cref="CpStateClassifier"/>.</summary>
    public IReadOnlyList<double> EdgesAscending =>
    [
        FaultLowToFVolts, FToFaultVolts, FaultToEVolts, EToDVolts, DToCVolts, CToBVolts, BToAVolts, AToFaultHighVolts,
    ];

    /// <summary>Returns one message per problem; empty when the thresholds are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (HysteresisVolts is < 0 or > 1.5)
        {
            problems.Add($"Pilot:Bands:HysteresisVolts is {HysteresisVolts}; set it between 0 and 1.5 V.");
        }

        var edges = EdgesAscending;
        for (var i = 1; i < edges.Count; i++)
        {
            if (edges[i] - edges[i - 1] <= 2 * HysteresisVolts)
            {
                problems.Add($"Pilot:Bands edge {i} ({edges[i]} V) must lie more than twice the hysteresis above edge {i - 1} ({edges[i - 1]} V); fix the band edges or reduce the hysteresis.");
            }
        }

        return problems;
    }
}
