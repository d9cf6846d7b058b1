namespace ChargePoint.Ocpp.Station;

/// <summary>
/// One meter sample from the EVSE, from the EV's point of view. Energy registers are monotonic import/export
/// counters in Wh. <paramref name="PowerW"/> is signed: positive while charging, negative while discharging.
/// </summary>
public sealed record MeterReading(DateTimeOffset Timestamp, double ImportWh, double ExportWh, double PowerW, double? SocPercent = null, double? Voltage = null, double? CurrentA = null);
