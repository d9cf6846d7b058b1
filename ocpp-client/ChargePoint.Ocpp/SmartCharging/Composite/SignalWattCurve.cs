using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Applies an AFRR signal through a period's v2xSignalWattCurve (operation mode CentralFrequency/LocalFrequency
/// with AFRR, Q block): linear interpolation between the curve points sorted by signal, held flat beyond the first
/// and last point. Pure: the same curve and signal always give the same power (W, negative = discharge).
/// </summary>
public static class SignalWattCurve
{
    /// <summary>
    /// The power (W) an AFRR <paramref name="signal"/> asks for in a composite period: its v2xBaseline, when present,
    /// plus the curve's value (schema text of v2xBaseline: the curve values are added on top of it); null when the
    /// period carries no v2xSignalWattCurve.
    /// </summary>
    public static double? Target(CompositePeriod period, int signal)
    {
        ArgumentNullException.ThrowIfNull(period);
        return PowerAt(period.V2xSignalWattCurve, signal) is { } power ? (period.V2xBaseline ?? 0) + power : null;
    }

    public static double? PowerAt(ImmutableArray<V2xSignalWattPoint> curve, int signal)
    {
        if (curve.IsDefaultOrEmpty)
        {
            return null;
        }

        var points = curve.OrderBy(p => p.Signal).ToList();
        if (signal <= points[0].Signal)
        {
            return points[0].Power;
        }

        for (var i = 1; i < points.Count; i++)
        {
            var (low, high) = (points[i - 1], points[i]);
            if (signal <= high.Signal)
            {
                var fraction = (double)(signal - low.Signal) / (high.Signal - low.Signal);
                return low.Power + (fraction * (high.Power - low.Power));
            }
        }

        return points[^1].Power;
    }
}
