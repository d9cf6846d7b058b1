namespace ChargePoint.Firmware.Ocpp;

/// <summary>One call made on the station port, kept for diagnostics (and asserted by tests).</summary>
public sealed record StationPortEvent(DateTimeOffset At, int EvseId, string Kind, string Detail);
