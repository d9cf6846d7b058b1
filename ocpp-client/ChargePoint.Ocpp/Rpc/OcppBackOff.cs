namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// Reconnect waits: RetryBackOffWaitMinimum for the first retry, doubled for each further attempt up to
/// RetryBackOffRepeatTimes doublings, plus a random part of up to RetryBackOffRandomRange so that many
/// stations do not hit a recovering CSMS at the same instant.
/// </summary>
public static class OcppBackOff
{
    public static TimeSpan Delay(OcppRpcOptions options, int attempt, double random01)
    {
        ArgumentNullException.ThrowIfNull(options);
        var doublings = Math.Min(Math.Max(attempt, 0), Math.Max(options.RetryBackOffRepeatTimes, 0));
        var wait = options.RetryBackOffWaitMinimum * Math.Pow(2, doublings);
        return wait + (options.RetryBackOffRandomRange * Math.Clamp(random01, 0, 1));
    }
}
