using System.Buffers;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>The instants of the sweep: where any period of any lane starts or ends, in a pooled buffer.</summary>
internal static class ChangePoints
{
    /// <summary>
    /// Sorted, distinct instants in [0, windowLength), always including 0, in the first <paramref name="count"/>
    /// slots of a buffer rented from <see cref="ArrayPool{T}.Shared"/> that the caller returns.
    /// </summary>
    public static long[] Rent(IReadOnlyList<EvseLane> lanes, long windowLength, out int count)
    {
        var capacity = 1;
        foreach (var lane in lanes)
        {
            foreach (var track in lane.Tracks)
            {
                capacity += 2 * track.Segments.Count;
            }
        }

        var points = ArrayPool<long>.Shared.Rent(capacity);
        var n = 0;
        points[n++] = 0;
        foreach (var lane in lanes)
        {
            foreach (var track in lane.Tracks)
            {
                var segments = track.Segments;
                for (var i = 0; i < segments.Count; i++)
                {
                    points[n++] = segments[i].Start;

                    // Periods of one schedule touch, so an end is usually the next start: add it only at a gap.
                    if (i + 1 == segments.Count || segments[i + 1].Start != segments[i].End)
                    {
                        points[n++] = segments[i].End;
                    }
                }
            }
        }

        var filled = points.AsSpan(0, n);
        filled.Sort();
        count = 0;
        foreach (var point in filled)
        {
            // Writing behind the read position is safe: count never passes the index being read.
            if (point < windowLength && (count == 0 || points[count - 1] != point))
            {
                points[count++] = point;
            }
        }

        return points;
    }
}
