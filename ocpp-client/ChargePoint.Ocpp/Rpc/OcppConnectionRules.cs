namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// The rules a way of reaching the CSMS must satisfy, shared by the local configuration (Ocpp:* keys) and the
/// network connection profiles a CSMS sets (SetNetworkProfile, B09.FR.02). Each problem names the setting through
/// <see cref="Names"/>, so a configuration error names its key and a profile error names its field.
/// </summary>
public static class OcppConnectionRules
{
    /// <summary>A passwordString (SecurityCtrlr.BasicAuthPassword) has 16 to 40 characters (A00.FR.205).</summary>
    public const int MinPasswordLength = 16;

    public const int MaxPasswordLength = 40;

    /// <summary>The longest identity a station may have (identifierString of SecurityCtrlr.Identity).</summary>
    public const int MaxIdentityLength = 48;

    /// <summary>How each setting is called where the values came from.</summary>
    public sealed record Names(string CsmsUrl, string StationId, string SecurityProfile, string BasicAuthPassword, string ClientCertificate);

    public static readonly Names ConfigurationKeys = new("Ocpp:CsmsUrl", "Ocpp:StationId", "Ocpp:SecurityProfile", "Ocpp:BasicAuthPassword", "Ocpp:ClientCertificatePath");

    public static readonly Names ProfileFields = new("ocppCsmsUrl", "identity", "securityProfile", "basicAuthPassword", "client certificate (ChargingStationCertificate)");

    /// <summary>Returns the first problem, naming the setting, or null when the combination is usable.</summary>
    public static string? Problem(Uri csmsUrl, string stationId, int securityProfile, string? basicAuthPassword, bool hasClientCertificate, Names names)
    {
        ArgumentNullException.ThrowIfNull(csmsUrl);
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrWhiteSpace(stationId) || stationId.Length > MaxIdentityLength)
        {
            return $"{names.StationId} must be 1..{MaxIdentityLength} characters";
        }

        if (securityProfile is < 1 or > 3)
        {
            return $"{names.SecurityProfile} must be 1, 2 or 3 (profile 0, no authentication, is not supported)";
        }

        var secure = csmsUrl.IsAbsoluteUri && csmsUrl.Scheme == "wss";
        if (!csmsUrl.IsAbsoluteUri || (!secure && csmsUrl.Scheme != "ws"))
        {
            return $"{names.CsmsUrl} must be a ws:// or wss:// URL";
        }

        if (!string.IsNullOrEmpty(csmsUrl.UserInfo))
        {
            // Credentials in the URL would end up in logs; the password has its own setting.
            return $"{names.CsmsUrl} must not contain a user name or password";
        }

        if (securityProfile >= 2 && !secure)
        {
            return $"{names.CsmsUrl} must use wss:// for security profile {securityProfile}";
        }

        if (securityProfile <= 2 && string.IsNullOrEmpty(basicAuthPassword))
        {
            return $"{names.BasicAuthPassword} is required for security profile {securityProfile}";
        }

        if (securityProfile <= 2 && basicAuthPassword!.Length is < MinPasswordLength or > MaxPasswordLength)
        {
            return $"{names.BasicAuthPassword} must be {MinPasswordLength}..{MaxPasswordLength} characters";
        }

        return securityProfile == 3 && !hasClientCertificate ? $"{names.ClientCertificate} is required for security profile 3" : null;
    }
}
