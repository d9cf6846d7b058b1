namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>One request line. <see cref="Session"/> selects a trace; <see cref="IntervalMilliseconds"/> paces <c>live</c>;
/// <see cref="TransactionId"/> selects a settlement record; the limit fields are those of <c>limit</c>.</summary>
public sealed record DiagnosticsRequest
{
    /// <summary>Settable (not init-only) so an omitted version keeps this default when deserialised.</summary>
    public int Version { get; set; } = DiagnosticsProtocol.Version;

    public string? Command { get; init; }

    public string? Session { get; init; }

    public int? IntervalMilliseconds { get; init; }

    public string? TransactionId { get; init; }

    /// <summary><c>limit</c>: 0 for the grid connection, otherwise the EVSE; <c>priority</c>: the EVSE.</summary>
    public int? EvseId { get; init; }

    /// <summary><c>limit</c>: the charge ceiling in W (a magnitude).</summary>
    public double? ChargeLimitWatts { get; init; }

    /// <summary><c>limit</c>: the discharge ceiling in W (a magnitude); absent leaves discharge unbounded by the site.</summary>
    public double? DischargeLimitWatts { get; init; }

    /// <summary><c>limit</c>: release the site limit instead of setting one.</summary>
    public bool? Clear { get; init; }

    /// <summary><c>priority</c>: switch priority charging on (true) or off (false).</summary>
    public bool? Activate { get; init; }
}
