namespace ChargePoint.Firmware.Contracts.Diagnostics;

/// <summary>One <c>live</c> sample of one EVSE. Power and current are positive while charging, negative while discharging.</summary>
public sealed record LiveSample(
    DateTimeOffset Timestamp,
    int EvseId,
    string State,
    double PowerWatts,
    double CurrentAmperes,
    double VoltageVolts,
    double? SocPercent,
    double ImportedWattHours,
    double ExportedWattHours,
    double SetpointWatts,
    double ChargeLimitWatts,
    double DischargeLimitWatts);
