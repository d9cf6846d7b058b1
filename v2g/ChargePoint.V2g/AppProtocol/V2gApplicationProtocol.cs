namespace ChargePoint.V2g.AppProtocol;

/// <summary>Application protocols an EV may offer in supportedAppProtocolReq.</summary>
public enum V2gApplicationProtocol
{
    Iso20Ac,
    Iso20Dc,
    Iso20Wpt,
    Iso20Acdp,
    Iso2,
    Din70121,
}

/// <summary>Protocol namespaces and versions as carried in SupportedAppProtocol.</summary>
public static class V2gApplicationProtocols
{
    public const string Iso20AcNamespace = "urn:iso:std:iso:15118:-20:AC";
    public const string Iso20DcNamespace = "urn:iso:std:iso:15118:-20:DC";
    public const string Iso20WptNamespace = "urn:iso:std:iso:15118:-20:WPT";
    public const string Iso20AcdpNamespace = "urn:iso:std:iso:15118:-20:ACDP";
    public const string Iso2Namespace = "urn:iso:15118:2:2013:MsgDef";
    public const string Din70121Namespace = "urn:din:70121:2012:MsgDef";

    /// <summary>The -20 energy message sets this SECC implements (AC and DC, each version 1.0).</summary>
    public static IReadOnlyList<SupportedAppProtocol> Iso20Conductive { get; } =
    [
        new(V2gApplicationProtocol.Iso20Dc, Iso20DcNamespace, 1, 0),
        new(V2gApplicationProtocol.Iso20Ac, Iso20AcNamespace, 1, 0),
    ];

    /// <summary>True for the -20 family, which may only run over TLS 1.3 ([V2G20-2356]).</summary>
    public static bool IsIso20(V2gApplicationProtocol protocol) =>
        protocol is V2gApplicationProtocol.Iso20Ac or V2gApplicationProtocol.Iso20Dc
            or V2gApplicationProtocol.Iso20Wpt or V2gApplicationProtocol.Iso20Acdp;
}

/// <summary>One protocol the SECC can run: its namespace and the version it implements.</summary>
public sealed record SupportedAppProtocol(V2gApplicationProtocol Protocol, string Namespace, uint VersionMajor, uint VersionMinor);
