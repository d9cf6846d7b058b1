using ChargePoint.V2g.Secc;

namespace ChargePoint.Simulators.Ev;

/// <summary>What the simulated EVCC does; scripted behaviours are off unless set.</summary>
public sealed class EvSimulatorOptions
{
    public EnergyTransferService Service { get; init; } = EnergyTransferService.DcBpt;

    public ControlMode ControlMode { get; init; } = ControlMode.Dynamic;

    public string EvccId { get; init; } = "WMIV1234567890ABCDEX";

    public EvBattery Battery { get; init; } = new();

    /// <summary>Seconds from now until departure (sent as DepartureTime).</summary>
    public uint DepartureTime { get; init; } = 7200;

    /// <summary>Charge loop iterations before a normal PowerDelivery Stop.</summary>
    public int ChargeLoops { get; init; } = 5;

    /// <summary>When set, the charge loop runs for this long (real time) instead of <see cref="ChargeLoops"/> iterations.</summary>
    public TimeSpan? LoopDuration { get; init; }

    /// <summary>Called with true right before PowerDeliveryReq Start (the EV closes S2: pilot C) and with false
    /// after PowerDeliveryRes Stop (S2 open: pilot B), so a simulated pilot follows the session.</summary>
    public Action<bool>? PowerDeliveryChanging { get; init; }

    /// <summary>Pause interval between charge loop requests (real time).</summary>
    public TimeSpan LoopInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>How much battery time one loop iteration represents (speeds up the simulated SOC).</summary>
    public TimeSpan SimulatedTimePerLoop { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay before repeating a request answered Ongoing.</summary>
    public TimeSpan OngoingPollInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Send discharge limits as negative numbers (some vehicles do).</summary>
    public bool NegativeDischargeLimits { get; init; }

    /// <summary>Also offer ISO 15118-2 and DIN 70121 (lower priority) in SupportedAppProtocol.</summary>
    public bool OfferLegacyProtocols { get; init; } = true;

    /// <summary>Offer only ISO 15118-2 and DIN 70121 (negotiation must fail on a -20-only SECC).</summary>
    public bool OfferOnlyLegacyProtocols { get; init; }

    /// <summary>SessionStop(Pause) after this many charge loops (then the session ends paused).</summary>
    public int? PauseAfterLoops { get; init; }

    /// <summary>PowerDelivery ScheduleRenegotiation after this many charge loops (once).</summary>
    public int? RenegotiateAfterLoops { get; init; }

    /// <summary>Resume: SessionSetupReq carries this old SessionID.</summary>
    public byte[]? ResumeSessionId { get; init; }

    /// <summary>Wrong order: send a charge loop request right after ServiceSelection.</summary>
    public bool SkipToChargeLoop { get; init; }

    /// <summary>Slow EV: wait this long before the charge loop request number <see cref="SlowLoopNumber"/>.</summary>
    public TimeSpan? SlowLoopDelay { get; init; }

    public int SlowLoopNumber { get; init; } = 2;
}
