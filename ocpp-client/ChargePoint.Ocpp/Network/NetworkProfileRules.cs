using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;

namespace ChargePoint.Ocpp.Network;

/// <summary>Why a SetNetworkProfileRequest or a NetworkConfigurationPriority value is refused (reason codes of the OCA list).</summary>
public sealed record NetworkProfileRefusal(string ReasonCode, string AdditionalInfo);

/// <summary>
/// The checks on a SetNetworkProfileRequest (B09), as a pure function; the first failing rule wins:
/// B09.FR.05 slot not in NetworkConfigurationPriority's valuesList (InvalidConfSlot), slot 0 (the local
/// configuration, not writable by the CSMS), B09.FR.04 a securityProfile below the active one (NoSecurityDowngrade;
/// SecurityCtrlr.AllowSecurityProfileDowngrade is not implemented), B09.FR.02 content the station cannot use
/// (InvalidNetworkConf): SOAP, an OCPP version before 2.0, no positive messageTimeout, VPN or APN settings (the
/// station manages neither), and the connection rules shared with the local configuration.
/// </summary>
public static class NetworkProfileRules
{
    /// <summary>The slot that holds the locally configured profile (Ocpp:CsmsUrl, Ocpp:SecurityProfile, ...).</summary>
    public const int LocalSlot = 0;

    /// <summary>
    /// <paramref name="slots"/> is NetworkConfigurationPriority's valuesList, <paramref name="activeSecurityProfile"/>
    /// SecurityCtrlr.SecurityProfile (the connection in use); <paramref name="identity"/> and <paramref name="password"/>
    /// are what the profile would connect with (its own, or the ones in use, B09.FR.16).
    /// </summary>
    public static NetworkProfileRefusal? Check(int slot, NetworkConnectionProfileType profile, IReadOnlyCollection<int> slots, int activeSecurityProfile,
        string identity, string? password, bool hasClientCertificate)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(slots);
        if (!slots.Contains(slot))
        {
            return new("InvalidConfSlot", $"configurationSlot {slot} is not in NetworkConfigurationPriority's valuesList ({string.Join(',', slots)})");
        }

        if (slot == LocalSlot)
        {
            return new("ReadOnly", "configurationSlot 0 holds the locally configured profile (Ocpp:CsmsUrl); use another slot");
        }

        if (profile.SecurityProfile < activeSecurityProfile)
        {
            return new("NoSecurityDowngrade", $"securityProfile {profile.SecurityProfile} is lower than the active security profile {activeSecurityProfile}");
        }

        var problem = profile switch
        {
            { OcppTransport: not OCPPTransportEnumType.JSON } => "ocppTransport must be JSON (OCPP-J)",
            { OcppVersion: OCPPVersionEnumType.OCPP12 or OCPPVersionEnumType.OCPP15 or OCPPVersionEnumType.OCPP16 } => "ocppVersion must be OCPP 2.0 or later",
            { MessageTimeout: <= 0 } => "messageTimeout must be a positive number of seconds",
            { Vpn: not null } => "VPN connections are not supported by this station",
            { Apn: not null } => "this station has no cellular modem (apn not supported)",
            _ when !Uri.TryCreate(profile.OcppCsmsUrl, UriKind.Absolute, out _) => "ocppCsmsUrl must be an absolute ws:// or wss:// URL",
            _ => OcppConnectionRules.Problem(new Uri(profile.OcppCsmsUrl), identity, profile.SecurityProfile, password, hasClientCertificate, OcppConnectionRules.ProfileFields),
        };
        return problem is null ? null : new("InvalidNetworkConf", problem);
    }
}
