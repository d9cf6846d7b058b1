using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.Authorization;

/// <summary>Where an authorization verdict came from.</summary>
public enum AuthorizationSource
{
    /// <summary>AuthCtrlr.Enabled is false: no authorization is needed.</summary>
    NotRequired,

    /// <summary>The local authorization list (D01).</summary>
    LocalList,

    /// <summary>The authorization cache (C10).</summary>
    Cache,

    /// <summary>An Authorize request answered by the CSMS (C01).</summary>
    Csms,

    /// <summary>Offline, token unknown, OfflineTxForUnknownIdEnabled allows it (C15).</summary>
    OfflineUnknownAllowed,

    /// <summary>No source knew the token and nothing allowed it.</summary>
    Unknown,
}

/// <summary>
/// The verdict on an id token. <see cref="AllowedEnergyTransfer"/> is the 2.1 Authorize answer's restriction of the
/// energy transfer modes (null = no restriction); the firmware offers only these in ISO 15118 ServiceDiscovery.
/// </summary>
public sealed record AuthorizationDecision(AuthorizationStatusEnumType Status, AuthorizationSource Source, IdTokenInfoType? Info, IReadOnlyList<EnergyTransferModeEnumType>? AllowedEnergyTransfer = null)
{
    public bool IsAccepted => Status == AuthorizationStatusEnumType.Accepted;
}
