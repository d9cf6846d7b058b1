namespace ChargePoint.Firmware.Configuration;

/// <summary>Section <c>Simulation</c>: what <c>chargepoint --simulate</c> runs.</summary>
public sealed class SimulationOptions
{
    public const string SectionName = "Simulation";

    /// <summary>The EV scenarios the simulation knows (issue 9); <c>none</c> boots and waits, <c>external</c>
    /// leaves the EV side to an outside simulator.</summary>
    public static readonly IReadOnlyList<string> Scenarios =
        ["dc-bpt-dynamic", "dc-bpt-scheduled", "ac-bpt-dynamic", "ac-bpt-scheduled", "none", "external"];

    /// <summary>Set by the <c>--simulate</c> switch, never by hand.</summary>
    public bool Enabled { get; set; }

    public string Ev { get; set; } = "dc-bpt-dynamic";

    /// <summary>Sessions to run back to back before exiting; null keeps running until stopped.</summary>
    public int? Sessions { get; set; }

    /// <summary>Simulated seconds of charging before the CSMS asks for discharge.</summary>
    public double ChargeSeconds { get; set; } = 20;

    /// <summary>Simulated seconds of discharging before the EV stops the session.</summary>
    public double DischargeSeconds { get; set; } = 20;

    /// <summary>When above 0, the simulated EV pauses its session (SessionStop Pause) halfway through the charge
    /// time, sleeps this many seconds plugged in, then resumes it (SessionSetupReq with the old SessionID).</summary>
    public double PauseSeconds { get; set; }

    /// <summary>How many times faster than real time the simulated clock runs (1 = real time).</summary>
    public double TimeScale { get; set; } = 20;
}
