using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Pilot;

/// <summary>
/// Classifies the high plateau of the pilot into a <see cref="CpState"/> with hysteresis at every band edge
/// (IEC 61851-1 Table A.4 bands). Stateful: it remembers the band of the previous reading. Not thread-safe.
/// </summary>
public sealed class CpStateClassifier
{
    // Bands from the lowest voltage up; the three fault bands classify as Invalid.
    private static readonly CpState[] BandStates =
    [
        CpState.Invalid, CpState.F, CpState.Invalid, CpState.E, CpState.D, CpState.C, CpState.B, CpState.A, CpState.Invalid,
    ];

    private readonly double[] _edges;
    private readonly double _hysteresis;
    private int _band = -1;

    public CpStateClassifier(PilotBandThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var problems = thresholds.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(thresholds));
        }

        _edges = [.. thresholds.EdgesAscending];
        _hysteresis = thresholds.HysteresisVolts;
    }

    /// <summary>The state of the last classified reading, or null before the first one.</summary>
    public CpState? Current => _band < 0 ? null : BandStates[_band];

    public CpState Classify(double highPlateauVolts)
    {
        if (double.IsNaN(highPlateauVolts))
        {
            _band = -1;
            return CpState.Invalid;
        }

        var band = 0;
        for (var edge = 0; edge < _edges.Length; edge++)
        {
            // Moving up across an edge needs more than edge + h, moving down less than edge − h; the limits
            // themselves keep the previous state. With no history the edge itself decides.
            var edgeVolts = _edges[edge];
            var isAbove = _band < 0 ? highPlateauVolts > edgeVolts
                : _band <= edge ? highPlateauVolts > edgeVolts + _hysteresis
                : highPlateauVolts >= edgeVolts - _hysteresis;
            if (isAbove)
            {
                band = edge + 1;
            }
        }

        _band = band;
        return BandStates[band];
    }

    /// <summary>Forgets the history, e.g. after the pilot output changed mode.</summary>
    public void Reset() => _band = -1;
}
