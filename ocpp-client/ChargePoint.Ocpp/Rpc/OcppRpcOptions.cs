using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>How the station reaches its CSMS. Names follow the OCPPCommCtrlr / SecurityCtrlr variables they mirror.</summary>
public sealed class OcppRpcOptions
{
    /// <summary>CSMS endpoint without the station id; the id is appended as the last path segment.</summary>
    public Uri CsmsUrl { get; set; } = new("ws://127.0.0.1:9000/ocpp");

    /// <summary>SecurityCtrlr.Identity: the last URL segment and the basic-auth user name.</summary>
    public string StationId { get; set; } = "CP001";

    /// <summary>1 = basic auth over ws/wss, 2 = wss + CSMS certificate check + basic auth, 3 = wss + client certificate.</summary>
    public int SecurityProfile { get; set; } = 1;

    /// <summary>SecurityCtrlr.BasicAuthPassword. Never logged.</summary>
    public string? BasicAuthPassword { get; set; }

    /// <summary>Trust anchors for the CSMS certificate (profiles 2 and 3); the system store is not used when set.</summary>
    public X509Certificate2Collection CsmsRootCertificates { get; } = [];

    /// <summary>The ChargingStationCertificate with its private key (profile 3).</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>OCPPCommCtrlr.MessageTimeout[Default].</summary>
    public TimeSpan MessageTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>OCPPCommCtrlr.WebSocketPingInterval; zero disables pings.</summary>
    public TimeSpan WebSocketPingInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>OCPPCommCtrlr.RetryBackOffWaitMinimum.</summary>
    public TimeSpan RetryBackOffWaitMinimum { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>OCPPCommCtrlr.RetryBackOffRandomRange.</summary>
    public TimeSpan RetryBackOffRandomRange { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>OCPPCommCtrlr.RetryBackOffRepeatTimes: how often the wait doubles.</summary>
    public int RetryBackOffRepeatTimes { get; set; } = 5;

    /// <summary>Largest frame accepted from the CSMS (bytes of UTF-8 text).</summary>
    public int MaxFrameBytes { get; set; } = 256 * 1024;

    /// <summary>Optional tap that sees every frame in and out (diagnostics traces); null when unused.</summary>
    public IOcppFrameObserver? FrameObserver { get; set; }

    /// <summary>Time allowed for the WebSocket/TLS handshake.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The endpoint the station dials: CSMS URL + "/" + station id (OCPP-J 2.x §3.1).</summary>
    public Uri EndpointUri() => EndpointUri(CsmsUrl, StationId);

    /// <summary>A CSMS URL with the station identity appended as its last path segment.</summary>
    public static Uri EndpointUri(Uri csmsUrl, string stationId)
    {
        ArgumentNullException.ThrowIfNull(csmsUrl);
        return new Uri(csmsUrl.AbsoluteUri.TrimEnd('/') + "/" + Uri.EscapeDataString(stationId));
    }

    /// <summary>Returns the first problem with these options, naming the setting, or null when usable.</summary>
    public string? Validate() =>
        OcppConnectionRules.Problem(CsmsUrl, StationId, SecurityProfile, BasicAuthPassword, ClientCertificate is not null, OcppConnectionRules.ConfigurationKeys);
}
