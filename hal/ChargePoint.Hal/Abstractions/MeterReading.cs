namespace ChargePoint.Hal.Abstractions;

/// <summary>One energy-meter sample. Import is energy delivered to the vehicle, export energy returned by it;
/// both registers only ever grow. <see cref="PowerWatts"/> and <see cref="CurrentAmperes"/> are signed with
/// positive meaning towards the vehicle.</summary>
public readonly record struct MeterReading(
    DateTimeOffset Timestamp,
    double ImportedEnergyWattHours,
    double ExportedEnergyWattHours,
    double PowerWatts,
    double VoltageVolts,
    double CurrentAmperes);
