using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Applies an AFRR signal through a period's v2xSignalWattCurve (operation mode CentralFrequency/LocalFrequency
/// with AFRR, Q block): linear interpolation between the curve points sorted by signal, held flat beyond the first
/// and last point. Pure: the same curve and signal always give the same power (W, negative = discharge).
/// </summary>
public static class SignalWattCurve
{
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
