using System.Net;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;

namespace ChargePoint.Simulators.Ev;

/// <summary>Runs the simulated EV against any SECC: optional SDP discovery, TCP + TLS 1.3, then the session.</summary>
public static class EvSimulator
{
    /// <summary>SDP on the given interface/destination; returns the SECC endpoint, or null if none answered.</summary>
    public static async Task<IPEndPoint?> DiscoverAsync(SdpClientOptions sdp, bool tls, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var response = await new SdpClient(sdp, time).DiscoverAsync(tls ? SdpSecurity.Tls : SdpSecurity.None, cancellationToken);
        return response?.EndPoint;
    }

    /// <summary>Connects to <paramref name="secc"/> (TLS when <paramref name="tls"/> is set) and runs one session.</summary>
    public static async Task<EvSessionResult> RunAsync(
        IPEndPoint secc,
        EvTlsClientOptions? tls,
        EvSimulatorOptions options,
        TimeProvider time,
        Action<string>? trace = null,
        CancellationToken cancellationToken = default)
    {
        var authenticator = tls is null ? null : new EvTlsAuthenticator(tls, time);
        var connection = await V2gConnector.ConnectAsync(secc, authenticator, V2gtpOptions.DefaultMaxPayloadLength, cancellationToken: cancellationToken);
        trace?.Invoke($"[ev] connected to {secc} over {connection.Security}");
        return await new EvccSession(options, time, trace).RunAsync(connection, cancellationToken);
    }
}
