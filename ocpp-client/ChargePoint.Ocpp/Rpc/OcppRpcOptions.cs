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
    public Uri EndpointUri()
    {
        var baseText = CsmsUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(baseText + "/" + Uri.EscapeDataString(StationId));
    }

    /// <summary>Returns the first problem with these options, naming the setting, or null when usable.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(StationId) || StationId.Length > 48)
        {
            return "Ocpp:StationId must be 1..48 characters";
        }

        if (SecurityProfile is < 1 or > 3)
        {
            return "Ocpp:SecurityProfile must be 1, 2 or 3 (profile 0, no authentication, is not supported)";
        }

        var secure = CsmsUrl.Scheme == "wss";
        if (!secure && CsmsUrl.Scheme != "ws")
        {
            return "Ocpp:CsmsUrl must be a ws:// or wss:// URL";
        }

        if (SecurityProfile >= 2 && !secure)
        {
            return $"Ocpp:CsmsUrl must use wss:// for security profile {SecurityProfile}";
        }

        if (SecurityProfile <= 2 && string.IsNullOrEmpty(BasicAuthPassword))
        {
            return $"Ocpp:BasicAuthPassword is required for security profile {SecurityProfile}";
        }

        if (BasicAuthPassword is { Length: > 40 or < 16 } && SecurityProfile <= 2)
        {
            // SecurityCtrlr.BasicAuthPassword is a passwordString of 16..40 characters (A00.FR.205).
            return "Ocpp:BasicAuthPassword must be 16..40 characters";
        }

        if (SecurityProfile == 3 && ClientCertificate is null)
        {
            return "Ocpp:ClientCertificatePath is required for security profile 3";
        }

        return null;
    }
}
