namespace ChargePoint.Firmware.Diagnostics;

/// <summary>
/// Event-id ranges of the firmware's structured log, one per area, so a journal filter such as
/// <c>EventId &gt;= 4000 and &lt; 5000</c> shows every safety event. Each area's LoggerMessage ids start at its base.
/// </summary>
public static class LogAreas
{
    /// <summary>Host, configuration and systemd (1000–1999).</summary>
    public const int Host = 1000;

    /// <summary>EVSE session state machine (2000–2999).</summary>
    public const int Evse = 2000;

    /// <summary>Energy manager (3000–3999).</summary>
    public const int Energy = 3000;

    /// <summary>Safety wiring (4000–4999).</summary>
    public const int Safety = 4000;

    /// <summary>OCPP station port (5000–5999).</summary>
    public const int Ocpp = 5000;

    /// <summary>SECC bridge (6000–6999).</summary>
    public const int V2g = 6000;

    /// <summary>Diagnostics endpoint (7000–7999).</summary>
    public const int Diagnostics = 7000;

    /// <summary>Simulation mode (9000–9999).</summary>
    public const int Simulation = 9000;
}
