using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Safety;
using ChargePoint.Hal.Simulated;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests.Safety;

/// <summary>Drivers that throw (a vanished GPIO chip, a broken sysfs read) must lead to the safe state, never to a
/// crashed timer thread.</summary>
public sealed class BrokenHardwareTests
{
    [Fact]
    public void An_unreadable_emergency_stop_trips_the_station()
    {
        var time = new FakeTimeProvider();
        using var simulated = new SimulatedStationHardware(time);
        var hardware = new Decorated(simulated) { EmergencyStopOverride = new ThrowingEmergencyStop() };
        using var control = new StationControl(hardware, time);
        control.Start();

        time.Advance(TimeSpan.FromMilliseconds(20));

        var fault = Assert.Single(control.Safety.ActiveFaults);
        Assert.Equal(SafetyFaultKind.HardwareUnreadable, fault.Kind);
        Assert.Contains("gpiochip0 vanished", fault.Detail, StringComparison.Ordinal);
        Assert.False(control.Safety.TryClear());
    }

    [Fact]
    public void An_unreadable_pilot_becomes_a_pilot_fault()
    {
        var time = new FakeTimeProvider();
        using var simulated = new SimulatedStationHardware(time);
        var pilot = new ThrowingPilot(simulated.ControlPilot);
        var hardware = new Decorated(simulated) { ControlPilotOverride = pilot };
        using var control = new StationControl(hardware, time);
        control.Start();
        time.Advance(TimeSpan.FromMilliseconds(30));

        pilot.Broken = true;
        for (var i = 0; i < 50; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Contains(control.Safety.ActiveFaults, f => f.Kind == SafetyFaultKind.PilotFault);
    }

    private sealed class ThrowingEmergencyStop : IEmergencyStop
    {
        public bool IsPressed => throw new IOException("gpiochip0 vanished");
    }

    private sealed class ThrowingPilot(IControlPilot inner) : IControlPilot
    {
        public bool Broken { get; set; }

        public bool SupportsStateE => inner.SupportsStateE;

        public PilotOutput Output => inner.Output;

        public void SetOutput(PilotOutput output) => inner.SetOutput(output);

        public PilotMeasurement ReadMeasurement() => Broken ? throw new IOException("in_voltage0_raw unreadable") : inner.ReadMeasurement();
    }

    private sealed class Decorated(IStationHardware inner) : IStationHardware
    {
        public IEmergencyStop? EmergencyStopOverride { get; init; }

        public IControlPilot? ControlPilotOverride { get; init; }

        public IControlPilot ControlPilot => ControlPilotOverride ?? inner.ControlPilot;

        public IProximityPilot? ProximityPilot => inner.ProximityPilot;

        public IReadOnlyList<IContactor> Contactors => inner.Contactors;

        public IResidualCurrentMonitor? ResidualCurrentMonitor => inner.ResidualCurrentMonitor;

        public IIsolationMonitor? IsolationMonitor => inner.IsolationMonitor;

        public IEmergencyStop EmergencyStop => EmergencyStopOverride ?? inner.EmergencyStop;

        public IConnectorLock? ConnectorLock => inner.ConnectorLock;

        public IBidirectionalPowerModule PowerModule => inner.PowerModule;

        public IEnergyMeter EnergyMeter => inner.EnergyMeter;

        public IHardwareWatchdog? Watchdog => inner.Watchdog;
    }
}
