using Microsoft.Extensions.Logging;

namespace ChargePoint.V2g.Slac;

/// <summary>
/// Debug logging for frames we drop (malformed, foreign, floods): at most <c>burst</c> lines per window, then a
/// count of what was suppressed, so a flood on the PLC link cannot flood the log.
/// </summary>
internal sealed class RateLimitedLog(ILogger logger, TimeProvider time, int burst = 10, double windowSeconds = 10)
{
    private long _windowStart = long.MinValue;
    private int _inWindow;
    private long _suppressed;

    public long Dropped { get; private set; }

    public void Drop(string reason, string detail)
    {
        Dropped++;
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        var now = time.GetTimestamp();
        if (_windowStart == long.MinValue || time.GetElapsedTime(_windowStart, now).TotalSeconds >= windowSeconds)
        {
            if (_suppressed > 0)
            {
                SlacLog.DropsSuppressed(logger, _suppressed);
            }

            _windowStart = now;
            _inWindow = 0;
            _suppressed = 0;
        }

        if (_inWindow++ < burst)
        {
            SlacLog.Dropped(logger, reason, detail);
        }
        else
        {
            _suppressed++;
        }
    }
}
