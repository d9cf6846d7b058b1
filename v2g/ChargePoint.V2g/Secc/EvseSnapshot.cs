namespace ChargePoint.V2g.Secc;

/// <summary>
/// The latest values the firmware pushed in (immutable). Handlers answer from this cache and never touch
/// hardware, which keeps ChargeLoopRes far inside its 0.25 s performance time.
/// </summary>
public sealed record EvseSnapshot
{
    public double PresentVoltage { get; init; }

    /// <summary>Signed: negative while discharging ([V2G20-1034]/[V2G20-1035]).</summary>
    public double PresentCurrent { get; init; }

    /// <summary>AC: signed total active power at the EVSE, negative while discharging.</summary>
    public double PresentActivePower { get; init; }

    public IsolationStatus Isolation { get; init; } = IsolationStatus.Testing;

    public AuthorizationDecision Authorization { get; init; } = AuthorizationDecision.Pending;

    public required DcEvseLimits DcLimits { get; init; }

    public required AcEvseLimits AcLimits { get; init; }

    /// <summary>AC target active power set by the energy manager (W, negative = discharge); null = EV's maximum.</summary>
    public double? TargetActivePower { get; init; }

    public EvseSchedule? Schedule { get; init; }

    public EvseNotificationRequest Notification { get; init; }

    public string MeterId { get; init; } = "meter";

    public ulong ChargedEnergyWh { get; init; }

    public ulong DischargedEnergyWh { get; init; }
}
