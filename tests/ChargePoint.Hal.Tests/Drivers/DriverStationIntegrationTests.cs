using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.Eastron;
using ChargePoint.Hal.Drivers.MeanWell;
using ChargePoint.Hal.Drivers.PilotMcu;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Safety;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Hal.Tests.Drivers;

/// <summary>
/// The control layer over the real drivers: the pilot MCU link and the SDM630 on termios ports (pseudo-terminals),
/// the BIC-2200 on a CAN bus, each against its simulated device, with simulated physics behind them. Real time.
/// </summary>
public sealed class DriverStationIntegrationTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    // Real threads on a shared CI machine can stall for a few hundred ms; the link's own timeouts are tested
    // elsewhere, here they must not fire spuriously.
    private static readonly TimeSpan Relaxed = TimeSpan.FromSeconds(2);

    private readonly List<IDisposable> _owned = [];
    private readonly SimulatedEv _ev = new(new SimulatedBattery(5_000, 50, 44, 56, 0.02));
    private readonly SimulatedPilotMcu _mcu;
    private readonly SimulatedPowerModule _physics;
    private readonly StationControl _control;

    public DriverStationIntegrationTests()
    {
        var time = TimeProvider.System;
        var pilotPty = Own(PseudoTerminal.Open());
        _mcu = Own(new SimulatedPilotMcu(pilotPty.Primary, new SimulatedControlPilot(_ev), new SimulatedProximityPilot(_ev), time, Relaxed));
        var frontEnd = Own(new PilotMcuFrontEnd(Own(SerialPort.Open(new SerialPortOptions { Device = pilotPty.SecondaryPath, BaudRate = 115200 })), time, new PilotMcuOptions { StatusTimeout = Relaxed }));

        var can = new InMemoryCanNetwork();
        _physics = new SimulatedPowerModule(time, new SimulatedPowerModuleOptions { Capabilities = new Bic2200Options().Capabilities }, () => _ev.IsPluggedIn && _mcu.ContactorsClosed == 0b11 ? _ev.Battery : null);
        Own(new SimulatedBic2200Device(can.CreateEndpoint(), 0, _physics, time));
        var powerModule = Own(new Bic2200PowerModule(can.CreateEndpoint(), new Bic2200Options { CommunicationTimeout = Relaxed }, time));

        var meterPty = Own(PseudoTerminal.Open());
        Own(new SimulatedSdm630Device(meterPty.Primary, 1, () => new MeterReading(default, 0, 0, _physics.ActualVoltageVolts * _physics.ActualCurrentAmperes, _physics.ActualVoltageVolts, _physics.ActualCurrentAmperes)));
        var modbus = Own(new ModbusRtuMaster(Own(SerialPort.Open(new SerialPortOptions { Device = meterPty.SecondaryPath, BaudRate = 19200 })), new ModbusRtuOptions(), time));

        var hardware = new DriverHardware(frontEnd, powerModule, new Sdm630Meter(modbus, 1, time, "SDM630-1"));
        var safety = new SafetyOptions { MeterPollPeriod = TimeSpan.FromMilliseconds(200), PowerModuleCommunicationTimeout = Relaxed, ContactorFeedbackTimeout = Relaxed };
        _control = Own(new StationControl(hardware, time, safetyOptions: safety));

        // As at boot: start the control layer once the devices answer.
        Assert.True(frontEnd.WaitForLink(Wait), "pilot MCU link up");
        Assert.True(PowerModuleWait.ForAnswer(powerModule, Wait), "power module answers");
        _control.Start();
    }

    [Fact]
    public void A_session_charges_through_the_drivers_and_an_emergency_stop_ends_it_safely()
    {
        Assert.True(SpinWait.SpinUntil(() => _control.Pilot.State == CpState.A, Wait), "pilot reads A before the vehicle arrives");
        _ev.PlugIn();
        Assert.True(SpinWait.SpinUntil(() => _control.Pilot.State == CpState.B, Wait), "pilot reads B once plugged in");
        _control.Pilot.RequestHighLevelCommunication();
        _control.Pilot.AllowPower(true);
        _ev.CloseS2();
        Assert.True(SpinWait.SpinUntil(() => _mcu.ContactorsClosed == 0b11, Wait), $"contactors closed through the MCU link; faults: {Faults()}");

        _control.Hardware.PowerModule.SetSetpoint(new PowerModuleSetpoint(58, 20, 0));
        _control.Hardware.PowerModule.SetMode(PowerModuleMode.Charge);
        Assert.True(SpinWait.SpinUntil(() => _control.Hardware.PowerModule.ReadStatus().OutputCurrentAmperes >= 19.9, Wait), $"module reports the charge current; faults: {Faults()}");
        Assert.True(SpinWait.SpinUntil(() => _control.Safety.LastMeterReading is { PowerWatts: > 800 }, Wait), $"meter sees the charging power; faults: {Faults()}");

        _mcu.EmergencyStopPressed = true;

        Assert.True(SpinWait.SpinUntil(() => _control.Safety.IsFaulted && _mcu.ContactorsClosed == 0 && _physics.ActualMode == PowerModuleMode.Off, Wait), "safe state after the e-stop");
        Assert.Equal(SafetyFaultKind.EmergencyStop, _control.Safety.ActiveFaults[0].Kind);
    }

    private string Faults() => string.Join("; ", _control.Safety.ActiveFaults);

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    private sealed class DriverHardware(PilotMcuFrontEnd frontEnd, IBidirectionalPowerModule powerModule, IEnergyMeter meter) : IStationHardware
    {
        public IControlPilot ControlPilot => frontEnd;

        public IProximityPilot? ProximityPilot => frontEnd;

        public IReadOnlyList<IContactor> Contactors => frontEnd.Contactors;

        public IResidualCurrentMonitor? ResidualCurrentMonitor => null;

        public IIsolationMonitor? IsolationMonitor => null;

        public IEmergencyStop EmergencyStop => frontEnd;

        public IConnectorLock? ConnectorLock => null;

        public IBidirectionalPowerModule PowerModule => powerModule;

        public IEnergyMeter EnergyMeter => meter;

        public IHardwareWatchdog? Watchdog => null;
    }
}
