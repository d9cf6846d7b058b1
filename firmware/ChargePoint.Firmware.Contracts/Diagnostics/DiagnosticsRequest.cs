namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>One request line. <see cref="Session"/> selects a trace; <see cref="IntervalMilliseconds"/> paces <c>live</c>.</summary>
public sealed record DiagnosticsRequest
{
    /// <summary>Settable (not init-only) so an omitted version keeps this default when deserialised.</summary>
    public int Version { get; set; } = DiagnosticsProtocol.Version;

    public string? Command { get; init; }

    public string? Session { get; init; }

    public int? IntervalMilliseconds { get; init; }
}
