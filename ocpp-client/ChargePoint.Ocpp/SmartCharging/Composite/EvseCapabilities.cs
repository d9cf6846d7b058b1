namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// What the EVSE hardware and configuration allow, the ceiling of every composite schedule.
/// Magnitudes are positive; the engine turns the discharge maxima into negative bounds.
/// </summary>
public sealed record EvseCapabilities
{
    /// <summary>Phase-to-neutral voltage on AC, the nominal DC voltage on DC; used for A &lt;-&gt; W.</summary>
    public double NominalVoltage { get; init; } = 230;

    /// <summary>Phases wired to the EVSE (1..3); ignored on DC.</summary>
    public int SupplyPhases { get; init; } = 3;

    public bool IsDc { get; init; }

    /// <summary>Maximum charge current per phase (AC) or in total (DC), in A.</summary>
    public double MaxChargeCurrent { get; init; } = 32;

    /// <summary>Maximum charge power over all phases, in W.</summary>
    public double MaxChargePower { get; init; } = 22_080;

    /// <summary>Maximum discharge current magnitude per phase (AC) or in total (DC), in A.</summary>
    public double MaxDischargeCurrent { get; init; }

    /// <summary>Maximum discharge power magnitude over all phases, in W (EVSE.DischargePower).</summary>
    public double MaxDischargePower { get; init; }

    /// <summary>The power module can feed energy back (bidirectional hardware).</summary>
    public bool SupportsDischarge { get; init; }

    /// <summary>V2XChargingCtrlr.Enabled for this EVSE.</summary>
    public bool V2xEnabled { get; init; }

    /// <summary>Discharge is possible only when the hardware supports it and V2X is enabled.</summary>
    public bool CanDischarge => SupportsDischarge && V2xEnabled && (MaxDischargeCurrent > 0 || MaxDischargePower > 0);
}
