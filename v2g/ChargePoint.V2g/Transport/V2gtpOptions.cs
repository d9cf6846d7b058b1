using System.ComponentModel.DataAnnotations;

namespace ChargePoint.V2g.Transport;

/// <summary>V2GTP framing limits; configuration section <c>V2g:V2gtp</c>.</summary>
public sealed class V2gtpOptions
{
    public const string SectionName = "V2g:V2gtp";

    /// <summary>Default 64 KiB: well above Plug &amp; Charge certificate chains and a full 3×1024-entry
    /// ScheduleExchangeRes, yet small enough that a hostile length cannot exhaust memory.</summary>
    public const int DefaultMaxPayloadLength = 64 * 1024;

    /// <summary>Largest payload accepted; a header announcing more closes the connection.</summary>
    [Range(64, 16 * 1024 * 1024)]
    public int MaxPayloadLength { get; set; } = DefaultMaxPayloadLength;
}
