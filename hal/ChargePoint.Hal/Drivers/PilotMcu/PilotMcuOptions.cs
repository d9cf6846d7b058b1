namespace ChargePoint.Hal.Drivers.PilotMcu;

/// <summary>Host-side timing of the pilot front-end link. Bound from configuration section "Pilot:Mcu".</summary>
public sealed record PilotMcuOptions
{
    /// <summary>Heartbeat period; the MCU goes safe after 250 ms without a frame, so keep this well below.</summary>
    public TimeSpan HeartbeatPeriod { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A Status older than this means the link is broken.</summary>
    public TimeSpan StatusTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    public int ContactorCount { get; init; } = 2;
}
