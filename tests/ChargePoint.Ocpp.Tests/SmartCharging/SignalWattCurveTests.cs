using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>The AFRR signal → power mapping through a v2xSignalWattCurve.</summary>
public sealed class SignalWattCurveTests
{
    [Theory]
    [InlineData(-200, -8000)]
    [InlineData(-100, -8000)]
    [InlineData(-50, -4000)]
    [InlineData(0, 0)]
    [InlineData(25, 1500)]
    [InlineData(100, 6000)]
    [InlineData(500, 6000)]
    public void Interpolates_between_points_and_holds_beyond_the_ends(int signal, double expected)
    {
        // Deliberately unsorted: the curve is ordered by signal before use.
        var curve = System.Collections.Immutable.ImmutableArray.Create(new V2xSignalWattPoint(100, 6000), new V2xSignalWattPoint(-100, -8000), new V2xSignalWattPoint(0, 0));
        Assert.Equal(expected, SignalWattCurve.PowerAt(curve, signal)!.Value, 6);
    }

    [Fact]
    public void No_curve_no_power() => Assert.Null(SignalWattCurve.PowerAt([], 10));
}
