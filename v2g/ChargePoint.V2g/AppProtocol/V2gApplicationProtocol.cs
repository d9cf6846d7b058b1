namespace ChargePoint.V2g.AppProtocol;

/// <summary>An application protocol the SECC can run after SupportedAppProtocol.</summary>
public enum V2gApplicationProtocol
{
    None,

    /// <summary>ISO 15118-20 with the DC message set (payload type 0x8004).</summary>
    Iso20Dc,

    /// <summary>ISO 15118-20 with the AC message set (payload type 0x8003).</summary>
    Iso20Ac,
}
