namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// Chooses the endpoint of each connection attempt and learns how attempts went, so connection management can
/// follow NetworkConfigurationPriority (B10). The RPC client calls it from its single reconnect loop.
/// </summary>
public interface IOcppConnectionPlan
{
    /// <summary>The endpoint the next attempt dials.</summary>
    OcppEndpoint Next();

    /// <summary>An attempt at <paramref name="endpoint"/> failed. True when the plan moved on to another profile
    /// (the reconnect back-off then starts again from RetryBackOffWaitMinimum).</summary>
    bool Failed(OcppEndpoint endpoint);

    /// <summary>The WebSocket to <paramref name="endpoint"/> is open (before any message is exchanged).</summary>
    void Connected(OcppEndpoint endpoint);

    /// <summary>The connection to <paramref name="endpoint"/> was lost or closed.</summary>
    void Disconnected(OcppEndpoint endpoint);
}

/// <summary>One endpoint, the configured options, for every attempt: a client without network profiles.</summary>
public sealed class SingleEndpointPlan(OcppRpcOptions options) : IOcppConnectionPlan
{
    public OcppEndpoint Next() => OcppEndpoint.FromOptions(options);

    public bool Failed(OcppEndpoint endpoint) => false;

    public void Connected(OcppEndpoint endpoint)
    {
    }

    public void Disconnected(OcppEndpoint endpoint)
    {
    }
}
