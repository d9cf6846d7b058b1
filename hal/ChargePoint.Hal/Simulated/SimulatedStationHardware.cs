using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Simulated;

/// <summary>
/// A complete simulated DC bidirectional station wired together: pilot and PP loaded by a simulated vehicle,
/// DC+ and DC− contactors, a power module feeding the vehicle's battery through the contacts, a meter on the
/// true power flow, RCD, IMD, emergency stop, lock and watchdog. A physics timer on the given
/// <see cref="TimeProvider"/> advances power flow, battery and meter. Every fault the safety logic must handle
/// can be injected here.
/// </summary>
public sealed class SimulatedStationHardware : IStationHardware, IDisposable
{
    private readonly ITimer _physics;
    private readonly TimeSpan _step;

    public SimulatedStationHardware(TimeProvider time, SimulatedStationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        options ??= new SimulatedStationOptions();
        _step = options.PhysicsStep;
        Ev = new SimulatedEv(new SimulatedBattery(options.BatteryCapacityWattHours, options.BatteryInitialSocPercent, options.BatteryMinVoltageVolts, options.BatteryMaxVoltageVolts));
        ControlPilot = new SimulatedControlPilot(Ev, options.SupportsStateE);
        ProximityPilot = new SimulatedProximityPilot(Ev);
        DcPlus = new SimulatedContactor("DC+", time, options.ContactorCloseDelay, options.ContactorOpenDelay);
        DcMinus = new SimulatedContactor("DC-", time, options.ContactorCloseDelay, options.ContactorOpenDelay);
        Contactors = [DcPlus, DcMinus];
        PowerModule = new SimulatedPowerModule(time, options.PowerModule, () => IsVehicleConnected ? Ev.Battery : null);
        EnergyMeter = new SimulatedEnergyMeter(time, () => (PowerModule.ActualVoltageVolts, PowerModule.ActualCurrentAmperes));
        Watchdog = new SimulatedWatchdog(time, options.WatchdogTimeout);
        _physics = time.CreateTimer(_ => Step(), null, _step, _step);
    }

    public SimulatedEv Ev { get; }

    public SimulatedControlPilot ControlPilot { get; }

    public SimulatedProximityPilot ProximityPilot { get; }

    public SimulatedContactor DcPlus { get; }

    public SimulatedContactor DcMinus { get; }

    public IReadOnlyList<SimulatedContactor> Contactors { get; }

    public SimulatedResidualCurrentMonitor ResidualCurrentMonitor { get; } = new();

    public SimulatedIsolationMonitor IsolationMonitor { get; } = new();

    public SimulatedEmergencyStop EmergencyStop { get; } = new();

    public SimulatedConnectorLock ConnectorLock { get; } = new();

    public SimulatedPowerModule PowerModule { get; }

    public SimulatedEnergyMeter EnergyMeter { get; }

    public SimulatedWatchdog Watchdog { get; }

    /// <summary>True when current can flow: vehicle plugged in and every main contact physically closed.</summary>
    public bool IsVehicleConnected => Ev.IsPluggedIn && Contactors.All(c => c.IsContactClosed);

    IControlPilot IStationHardware.ControlPilot => ControlPilot;

    IProximityPilot? IStationHardware.ProximityPilot => ProximityPilot;

    IReadOnlyList<IContactor> IStationHardware.Contactors => Contactors;

    IResidualCurrentMonitor? IStationHardware.ResidualCurrentMonitor => ResidualCurrentMonitor;

    IIsolationMonitor? IStationHardware.IsolationMonitor => IsolationMonitor;

    IEmergencyStop IStationHardware.EmergencyStop => EmergencyStop;

    IConnectorLock? IStationHardware.ConnectorLock => ConnectorLock;

    IBidirectionalPowerModule IStationHardware.PowerModule => PowerModule;

    IEnergyMeter IStationHardware.EnergyMeter => EnergyMeter;

    IHardwareWatchdog? IStationHardware.Watchdog => Watchdog;

    public void InjectWeldedContactor(int index = 0) => Contactors[index].InjectWelded();

    /// <summary>The mirror contact of a contactor sticks open, so it disagrees as soon as the contactor closes.</summary>
    public void InjectContactorFeedbackMismatch(int index = 0) => Contactors[index].InjectFeedbackStuck(reportsClosed: false);

    public void InjectResidualCurrentTrip(double milliamperes = 30) => ResidualCurrentMonitor.InjectResidualCurrent(milliamperes);

    public void InjectIsolationFault(double ohms = 50_000) => IsolationMonitor.SetResistance(ohms);

    /// <summary>Presses the emergency stop; the hardware loop drops every contactor that is not welded.</summary>
    public void PressEmergencyStop()
    {
        EmergencyStop.Press();
        foreach (var contactor in Contactors)
        {
            contactor.DropOut();
        }
    }

    public void InjectCanSilence() => PowerModule.SilenceCommunication();

    public void InjectPowerModuleFault(PowerModuleFaults fault = PowerModuleFaults.OverTemperature) => PowerModule.InjectFault(fault);

    public void InjectMeterTimeout() => EnergyMeter.InjectTimeout();

    /// <summary>A locked plug is forced out: the lock feedback reports unlocked while locked is commanded.</summary>
    public void InjectConnectorLockForcedOpen() => ConnectorLock.ForceOpen();

    /// <summary>Removes every injected fault (the safety latch still has to be cleared by its owner).</summary>
    public void ClearInjectedFaults()
    {
        foreach (var contactor in Contactors)
        {
            contactor.ClearFaults();
        }

        ResidualCurrentMonitor.InjectResidualCurrent(0);
        ResidualCurrentMonitor.Reset();
        IsolationMonitor.SetResistance(10_000_000);
        EmergencyStop.Release();
        PowerModule.ClearFaults();
        EnergyMeter.InjectTimeout(false);
        ConnectorLock.Repair();
    }

    public void Dispose()
    {
        _physics.Dispose();
        foreach (var contactor in Contactors)
        {
            contactor.Dispose();
        }

        Watchdog.Dispose();
    }

    private void Step()
    {
        PowerModule.Step(_step);
        EnergyMeter.Step(_step);
    }
}
