namespace ChargePoint.Firmware.Configuration;

/// <summary>Section <c>Ocpp</c>: how the station reaches its CSMS.</summary>
public sealed class StationOcppOptions
{
    public const string SectionName = "Ocpp";

    /// <summary>The CSMS WebSocket URL without the station id (ws:// or wss://). Empty in simulation mode means
    /// "use the built-in CSMS".</summary>
    public string? CsmsUrl { get; set; }

    /// <summary>The charging station's identity (the last URL path segment, OCPP-J 2.1 §3.1.1: at most 48 characters).</summary>
    public string StationId { get; set; } = "CP001";

    /// <summary>OCPP security profile 1 (basic auth over ws), 2 (basic auth over TLS) or 3 (client certificate).</summary>
    public int SecurityProfile { get; set; } = 1;

    public string? BasicAuthPassword { get; set; }
}
