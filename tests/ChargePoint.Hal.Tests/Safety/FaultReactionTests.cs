using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Safety;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Hal.Tests.Safety;

public sealed class FaultReactionTests
{
    private static readonly SafetyOptions Options = new();

    public static TheoryData<string> Faults =>
    [
        "emergency stop", "residual current", "isolation", "feedback mismatch", "power module fault", "CAN silence", "meter timeout", "connector lock",
    ];

    [Theory]
    [MemberData(nameof(Faults))]
    public void Each_injected_fault_reaches_the_safe_state_within_its_deadline(string fault)
    {
        using var station = new StationFixture(safety: Options);
        station.StartCharging(chargeAmperes: 150);
        station.Hardware.IsolationMonitor.Start();
        var reported = new List<SafetyFault>();
        station.Control.Safety.FaultRaised += (_, f) => reported.Add(f);

        var (kind, deadline) = Inject(station.Hardware, fault);
        var took = station.AdvanceUntil(
            () => reported.Count > 0 && station.ContactorsOpen && station.Hardware.PowerModule.ActualCurrentAmperes == 0,
            deadline,
            $"safe state after {fault}");

        Assert.True(took <= deadline, $"{fault}: {took.TotalMilliseconds} ms > {deadline.TotalMilliseconds} ms");
        Assert.Equal(kind, reported[0].Kind);
        Assert.Equal(PilotOutputMode.StateF, station.Control.Pilot.Output.Mode);
        Assert.False(station.Control.PowerPath.TryClose(), "closing must be locked out while the fault is latched");
    }

    [Fact]
    public void A_welded_contactor_is_detected_when_it_is_opened()
    {
        using var station = new StationFixture(safety: Options);
        station.StartCharging();
        station.Hardware.InjectWeldedContactor(0);

        station.Hardware.Ev.OpenS2();
        station.AdvanceUntil(() => station.Hardware.DcMinus.IsFeedbackClosed == false, TimeSpan.FromMilliseconds(100), "DC- open");
        station.AdvanceUntil(() => station.Control.Safety.IsFaulted, Options.ContactorFeedbackTimeout + TimeSpan.FromMilliseconds(50), "welding detected");

        var fault = Assert.Single(station.Control.Safety.ActiveFaults);
        Assert.Equal(SafetyFaultKind.WeldedContactor, fault.Kind);
        Assert.Contains("DC+", fault.Detail, StringComparison.Ordinal);
        Assert.Equal(PowerModuleMode.Off, station.Hardware.PowerModule.ActualMode);
        Assert.Equal(PilotOutputMode.StateF, station.Control.Pilot.Output.Mode);
    }

    [Fact]
    public void The_latch_clears_only_after_the_cause_is_gone()
    {
        using var station = new StationFixture(safety: Options);
        station.StartCharging();
        station.Hardware.PressEmergencyStop();
        station.AdvanceUntil(() => station.Control.Safety.IsFaulted, TimeSpan.FromMilliseconds(100), "e-stop trip");

        Assert.False(station.Control.Safety.TryClear());

        station.Hardware.ClearInjectedFaults();
        Assert.True(station.Control.Safety.TryClear());
        Assert.Equal(PilotOutputMode.ConstantHigh, station.Control.Pilot.Output.Mode);
        Assert.True(station.Control.PowerPath.TryClose());
    }

    [Fact]
    public void Insulation_is_only_judged_while_the_monitor_measures()
    {
        using var station = new StationFixture(safety: Options);
        station.StartCharging();
        station.Hardware.InjectIsolationFault();

        station.Advance(TimeSpan.FromMilliseconds(200));

        Assert.False(station.Control.Safety.IsFaulted);
    }

    private static (SafetyFaultKind Kind, TimeSpan Deadline) Inject(SimulatedStationHardware hardware, string fault)
    {
        var reaction = Options.PowerOffDeadline;
        switch (fault)
        {
            case "emergency stop":
                hardware.PressEmergencyStop();
                return (SafetyFaultKind.EmergencyStop, reaction);
            case "residual current":
                hardware.InjectResidualCurrentTrip();
                return (SafetyFaultKind.ResidualCurrentTrip, reaction);
            case "isolation":
                hardware.InjectIsolationFault();
                return (SafetyFaultKind.IsolationFault, reaction);
            case "feedback mismatch":
                hardware.InjectContactorFeedbackMismatch(1);
                return (SafetyFaultKind.ContactorFeedbackMismatch, Options.ContactorFeedbackTimeout + reaction);
            case "power module fault":
                hardware.InjectPowerModuleFault();
                return (SafetyFaultKind.PowerModuleFault, reaction);
            case "CAN silence":
                hardware.InjectCanSilence();
                return (SafetyFaultKind.PowerModuleCommunicationLost, Options.PowerModuleCommunicationTimeout + reaction);
            case "meter timeout":
                hardware.InjectMeterTimeout();
                return (SafetyFaultKind.MeterTimeout, (Options.MeterPollPeriod * Options.MeterFailuresBeforeFault) + reaction);
            case "connector lock":
                hardware.ConnectorLock.Lock();
                hardware.InjectConnectorLockForcedOpen();
                return (SafetyFaultKind.ConnectorLockFault, reaction);
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, null);
        }
    }
}
