namespace ChargePoint.V2g.Sdp;

/// <summary>EV side SDP settings (EV simulator, tests).</summary>
public sealed class SdpClientOptions
{
    /// <summary>Interface to send on (scope of ff02::1); null with a unicast <see cref="Destination"/>.</summary>
    public V2gNetworkInterface? Interface { get; init; }

    /// <summary>Where requests go; null means ff02::1 on <see cref="Interface"/>.</summary>
    public System.Net.IPAddress? Destination { get; init; }

    public int Port { get; init; } = V2gNetworkOptions.StandardSdpPort;

    /// <summary>Resend interval when no answer came (250 ms per the EVCC timing).</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Requests per discovery cycle (50 per the EVCC timing).</summary>
    public int MaxRequests { get; init; } = 50;
}
