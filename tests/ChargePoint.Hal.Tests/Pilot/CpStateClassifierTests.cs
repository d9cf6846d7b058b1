using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Pilot;

namespace ChargePoint.Hal.Tests.Pilot;

public sealed class CpStateClassifierTests
{
    private const double Epsilon = 0.01;

    // Bands from the lowest voltage up with a voltage well inside each (IEC 61851-1 Table A.4 bands).
    private static readonly (CpState State, double Volts)[] Bands =
    [
        (CpState.Invalid, -14), (CpState.F, -12), (CpState.Invalid, -6), (CpState.E, 0), (CpState.D, 3),
        (CpState.C, 6), (CpState.B, 9), (CpState.A, 12), (CpState.Invalid, 14),
    ];

    public static TheoryData<int> EdgeIndices => [0, 1, 2, 3, 4, 5, 6, 7];

    [Theory]
    [MemberData(nameof(EdgeIndices))]
    public void Rising_across_an_edge_needs_the_upper_hysteresis_limit(int edge)
    {
        var thresholds = new PilotBandThresholds();
        var upperLimit = thresholds.EdgesAscending[edge] + thresholds.HysteresisVolts;
        var (below, belowVolts) = Bands[edge];
        var above = Bands[edge + 1].State;

        var classifier = new CpStateClassifier(thresholds);
        Assert.Equal(below, classifier.Classify(belowVolts));
        Assert.Equal(below, classifier.Classify(upperLimit - Epsilon));
        Assert.Equal(below, classifier.Classify(upperLimit));
        Assert.Equal(above, classifier.Classify(upperLimit + Epsilon));
    }

    [Theory]
    [MemberData(nameof(EdgeIndices))]
    public void Falling_across_an_edge_needs_the_lower_hysteresis_limit(int edge)
    {
        var thresholds = new PilotBandThresholds();
        var lowerLimit = thresholds.EdgesAscending[edge] - thresholds.HysteresisVolts;
        var below = Bands[edge].State;
        var (above, aboveVolts) = Bands[edge + 1];

        var classifier = new CpStateClassifier(thresholds);
        Assert.Equal(above, classifier.Classify(aboveVolts));
        Assert.Equal(above, classifier.Classify(lowerLimit + Epsilon));
        Assert.Equal(above, classifier.Classify(lowerLimit));
        Assert.Equal(below, classifier.Classify(lowerLimit - Epsilon));
    }

    [Theory]
    [InlineData(12.9, CpState.A)]
    [InlineData(11.1, CpState.A)]
    [InlineData(9.9, CpState.B)]
    [InlineData(8.1, CpState.B)]
    [InlineData(6.9, CpState.C)]
    [InlineData(5.1, CpState.C)]
    [InlineData(3.9, CpState.D)]
    [InlineData(2.1, CpState.D)]
    [InlineData(0.9, CpState.E)]
    [InlineData(-0.9, CpState.E)]
    [InlineData(-11.1, CpState.F)]
    [InlineData(-12.9, CpState.F)]
    [InlineData(13.6, CpState.Invalid)]
    [InlineData(-5, CpState.Invalid)]
    [InlineData(-13.6, CpState.Invalid)]
    [InlineData(double.NaN, CpState.Invalid)]
    public void Readings_inside_a_band_classify_without_history(double volts, CpState expected) =>
        Assert.Equal(expected, new CpStateClassifier(new PilotBandThresholds()).Classify(volts));

    [Fact]
    public void A_reading_in_the_gap_keeps_whichever_state_came_before()
    {
        var fromA = new CpStateClassifier(new PilotBandThresholds());
        fromA.Classify(12);
        var fromB = new CpStateClassifier(new PilotBandThresholds());
        fromB.Classify(9);

        Assert.Equal(CpState.A, fromA.Classify(10.5));
        Assert.Equal(CpState.B, fromB.Classify(10.5));
    }

    [Fact]
    public void Overlapping_edges_are_rejected_with_the_setting_named()
    {
        var bad = new PilotBandThresholds { CToBVolts = 5.0 };

        var error = Assert.Throws<ArgumentException>(() => new CpStateClassifier(bad));

        Assert.Contains("Pilot:Bands", error.Message, StringComparison.Ordinal);
    }
}
