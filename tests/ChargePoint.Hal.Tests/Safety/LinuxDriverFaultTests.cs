using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Gpio;
using ChargePoint.Hal.Safety;
using ChargePoint.Hal.Simulated;
using ChargePoint.Hal.Tests.Linux.Gpio;

namespace ChargePoint.Hal.Tests.Safety;

/// <summary>
/// The Linux RCD, insulation-monitor and connector-lock drivers on fake GPIO lines, inside a charging station on
/// fake time: each fault a line signals reaches the safe state (module off, contactors open, fault reported)
/// within its deadline.
/// </summary>
public sealed class LinuxDriverFaultTests : IDisposable
{
    private static readonly SafetyOptions Options = new();
    private static readonly ConnectorLockOptions LockOptions = new() { LockLine = "LOCK_A", UnlockLine = "LOCK_B", FeedbackLine = "LOCK_FB" };

    private readonly StationFixture _station;
    private readonly FakeGpio _gpio;
    private readonly GpioResidualCurrentMonitor _rcd;
    private readonly GpioIsolationMonitor _imd;
    private readonly GpioConnectorLock _lock;
    private readonly List<SafetyFault> _reported = [];

    public LinuxDriverFaultTests()
    {
        GpioResidualCurrentMonitor? rcd = null;
        GpioIsolationMonitor? imd = null;
        GpioConnectorLock? connectorLock = null;
        FakeGpio? gpio = null;
        _station = new StationFixture(safety: Options, replace: (simulated, time) =>
        {
            gpio = new FakeGpio(null);
            gpio["LOCK_A"].OnWrite = asserted =>
            {
                if (asserted)
                {
                    gpio["LOCK_FB"].SetAsserted(true);
                }
            };
            rcd = new GpioResidualCurrentMonitor(gpio, new ResidualCurrentMonitorOptions { TripLine = "RCD_TRIP_N" }, time);
            imd = new GpioIsolationMonitor(gpio, new IsolationMonitorOptions { Kind = IsolationMonitorKind.Gpio, FaultLine = "IMD_ALARM2", WarningLine = "IMD_ALARM1" });
            connectorLock = new GpioConnectorLock(gpio, LockOptions, time);
            return new ReplacedDevices(simulated, rcd, imd, connectorLock);
        });
        (_gpio, _rcd, _imd, _lock) = (gpio!, rcd!, imd!, connectorLock!);
        _station.Control.Safety.FaultRaised += (_, f) => _reported.Add(f);
    }

    public static TheoryData<string> Faults => ["RCD trip line", "RCD trip pulse", "IMD alarm relay", "lock forced open", "lock jammed"];

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_fault_signalled_on_a_line_reaches_the_safe_state_within_its_deadline(string fault)
    {
        _lock.Lock();
        _station.Advance(LockOptions.PulseDuration + LockOptions.FeedbackSettleTime);
        _imd.Start();
        _station.StartCharging(chargeAmperes: 150);
        Assert.Empty(_reported);

        var (kind, deadline) = Inject(fault);
        var took = _station.AdvanceUntil(
            () => _reported.Count > 0 && _station.ContactorsOpen && _station.Hardware.PowerModule.ActualCurrentAmperes == 0,
            deadline,
            $"safe state after {fault}");

        Assert.True(took <= deadline, $"{fault}: {took.TotalMilliseconds} ms > {deadline.TotalMilliseconds} ms");
        Assert.Equal(kind, _reported[0].Kind);
        Assert.False(_station.Control.PowerPath.TryClose(), "closing must be locked out while the fault is latched");
    }

    [Fact]
    public void An_insulation_warning_is_reported_once_and_charging_goes_on()
    {
        _imd.Start();
        _station.StartCharging();
        var warnings = new List<IsolationStatus>();
        _station.Control.Safety.IsolationWarning += (_, w) => warnings.Add(w);

        _gpio["IMD_ALARM1"].SetAsserted(true);
        _station.Advance(TimeSpan.FromMilliseconds(200));

        var warning = Assert.Single(warnings);
        Assert.Equal(IsolationCondition.Warning, warning.Condition);
        Assert.True(_station.Control.Safety.IsIsolationWarningActive);
        Assert.False(_station.Control.Safety.IsFaulted);
        Assert.True(_station.ContactorsClosed);
    }

    [Fact]
    public void An_rcd_trip_stays_latched_until_the_module_is_reset()
    {
        _station.StartCharging();
        _gpio["RCD_TRIP_N"].Pulse();
        _station.AdvanceUntil(() => _station.Control.Safety.IsFaulted, Options.PowerOffDeadline, "RCD trip");

        _station.Advance(TimeSpan.FromMilliseconds(300));
        Assert.False(_station.Control.Safety.TryClear());
        Assert.True(_rcd.Reset());
        Assert.True(_station.Control.Safety.TryClear(), string.Join("; ", _station.Control.Safety.ActiveFaults));
    }

    public void Dispose()
    {
        _station.Dispose();
        _lock.Dispose();
        _imd.Dispose();
        _rcd.Dispose();
    }

    private (SafetyFaultKind Kind, TimeSpan Deadline) Inject(string fault)
    {
        var reaction = Options.PowerOffDeadline;
        switch (fault)
        {
            case "RCD trip line":
                _gpio["RCD_TRIP_N"].SetAsserted(true);
                return (SafetyFaultKind.ResidualCurrentTrip, reaction);
            case "RCD trip pulse":
                _gpio["RCD_TRIP_N"].Pulse();
                return (SafetyFaultKind.ResidualCurrentTrip, reaction);
            case "IMD alarm relay":
                _gpio["IMD_ALARM2"].SetAsserted(true);
                return (SafetyFaultKind.IsolationFault, reaction);
            case "lock forced open":
                _gpio["LOCK_FB"].SetAsserted(false);
                return (SafetyFaultKind.ConnectorLockFault, reaction);
            case "lock jammed":
                // A relock that never reaches the switch: every attempt runs out, then the fault trips.
                _gpio["LOCK_A"].OnWrite = null;
                _gpio["LOCK_FB"].SetAsserted(false);
                _lock.Lock();
                return (SafetyFaultKind.ConnectorLockFault, ((LockOptions.PulseDuration + LockOptions.FeedbackSettleTime) * LockOptions.Attempts) + reaction);
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }

    private sealed class ReplacedDevices(SimulatedStationHardware inner, IResidualCurrentMonitor rcd, IIsolationMonitor imd, IConnectorLock connectorLock) : IStationHardware
    {
        public IControlPilot ControlPilot => inner.ControlPilot;

        public IProximityPilot? ProximityPilot => inner.ProximityPilot;

        public IReadOnlyList<IContactor> Contactors => inner.Contactors;

        public IResidualCurrentMonitor? ResidualCurrentMonitor => rcd;

        public IIsolationMonitor? IsolationMonitor => imd;

        public IEmergencyStop EmergencyStop => inner.EmergencyStop;

        public IConnectorLock? ConnectorLock => connectorLock;

        public IBidirectionalPowerModule PowerModule => inner.PowerModule;

        public IEnergyMeter EnergyMeter => inner.EnergyMeter;

        public IHardwareWatchdog? Watchdog => inner.Watchdog;
    }
}
