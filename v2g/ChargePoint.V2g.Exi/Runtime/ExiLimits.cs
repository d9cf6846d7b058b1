namespace ChargePoint.V2g.Exi;

/// <summary>Bounds that keep a hostile peer from making the decoder allocate or loop without limit.</summary>
public static class ExiLimits
{
    /// <summary>Largest EXI stream the decoder accepts. V2GTP payloads of every ISO 15118 message fit easily.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    /// <summary>The EXI header byte every V2G stream starts with: distinguishing bits 10, no options, version 1.</summary>
    public const byte Header = 0x80;

    /// <summary>
    /// Deepest nesting of elements that wildcards, built-in element grammars or relaxed element fragments admit
    /// (the schema bounds every other nesting; xmldsig <c>Object</c> may contain <c>Object</c> without end).
    /// </summary>
    public const int MaxWildcardDepth = 32;
}
