namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// What one connection attempt dials: a network connection profile (B09) resolved to what the WebSocket needs.
/// <see cref="Slot"/> is its configurationSlot; slot 0 is the locally configured Ocpp:* settings. A class, not a
/// record, so that no generated ToString can ever print the password.
/// </summary>
public sealed class OcppEndpoint
{
    public OcppEndpoint(int slot, Uri csmsUrl, string stationId, int securityProfile, string? basicAuthPassword, TimeSpan messageTimeout)
    {
        ArgumentNullException.ThrowIfNull(csmsUrl);
        ArgumentException.ThrowIfNullOrEmpty(stationId);
        Slot = slot;
        CsmsUrl = csmsUrl;
        StationId = stationId;
        SecurityProfile = securityProfile;
        BasicAuthPassword = basicAuthPassword;
        MessageTimeout = messageTimeout;
    }

    public int Slot { get; }

    /// <summary>The CSMS URL without the station identity.</summary>
    public Uri CsmsUrl { get; }

    /// <summary>The identity: last URL segment and basic-auth user name.</summary>
    public string StationId { get; }

    public int SecurityProfile { get; }

    /// <summary>Never logged.</summary>
    public string? BasicAuthPassword { get; }

    /// <summary>OCPPCommCtrlr.MessageTimeout[Default] while this profile is in use (the profile's messageTimeout).</summary>
    public TimeSpan MessageTimeout { get; }

    /// <summary>CSMS URL + "/" + identity (OCPP-J 2.x §3.1).</summary>
    public Uri Uri => OcppRpcOptions.EndpointUri(CsmsUrl, StationId);

    /// <summary>The locally configured endpoint (slot 0), read from the options at the moment of the attempt.</summary>
    public static OcppEndpoint FromOptions(OcppRpcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new OcppEndpoint(0, options.CsmsUrl, options.StationId, options.SecurityProfile, options.BasicAuthPassword, options.MessageTimeout);
    }

    public override string ToString() => $"slot {Slot}: {Uri} (security profile {SecurityProfile})";
}
