namespace ChargePoint.Hal.Abstractions;

/// <summary>Everything one EVSE's firmware drives, as a single bundle. Optional devices are null when the
/// station has none (e.g. no RCD on a DC station, no lock on a tethered cable).</summary>
public interface IStationHardware
{
    IControlPilot ControlPilot { get; }

    IProximityPilot? ProximityPilot { get; }

    /// <summary>The power-path contactors (e.g. DC+ and DC−), opened and closed together.</summary>
    IReadOnlyList<IContactor> Contactors { get; }

    IResidualCurrentMonitor? ResidualCurrentMonitor { get; }

    IIsolationMonitor? IsolationMonitor { get; }

    IEmergencyStop EmergencyStop { get; }

    IConnectorLock? ConnectorLock { get; }

    IBidirectionalPowerModule PowerModule { get; }

    IEnergyMeter EnergyMeter { get; }

    IHardwareWatchdog? Watchdog { get; }
}
