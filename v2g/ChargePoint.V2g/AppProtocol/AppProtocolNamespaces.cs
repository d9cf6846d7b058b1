namespace ChargePoint.V2g.AppProtocol;

/// <summary>ProtocolNamespace strings an EV offers in supportedAppProtocolReq.</summary>
public static class AppProtocolNamespaces
{
    public const string Iso20Dc = "urn:iso:std:iso:15118:-20:DC";
    public const string Iso20Ac = "urn:iso:std:iso:15118:-20:AC";
    public const string Iso20Wpt = "urn:iso:std:iso:15118:-20:WPT";
    public const string Iso20Acdp = "urn:iso:std:iso:15118:-20:ACDP";
    public const string Iso2 = "urn:iso:15118:2:2013:MsgDef";
    public const string Din70121 = "urn:din:70121:2012:MsgDef";

    /// <summary>Major version of every ISO 15118-20 namespace we implement.</summary>
    public const uint Iso20Major = 1;

    /// <summary>Minor version we implement; an EV offering another minor is answered WithMinorDeviation.</summary>
    public const uint Iso20Minor = 0;

    public static V2gApplicationProtocol ToProtocol(string ns) => ns switch
    {
        Iso20Dc => V2gApplicationProtocol.Iso20Dc,
        Iso20Ac => V2gApplicationProtocol.Iso20Ac,
        _ => V2gApplicationProtocol.None,
    };
}
