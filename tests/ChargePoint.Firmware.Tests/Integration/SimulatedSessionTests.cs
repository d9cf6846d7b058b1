using System.Text.RegularExpressions;
using ChargePoint.Firmware.Evse;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Simulators;
using ChargePoint.Simulators.Ev;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// The real host in simulation mode: HAL simulation (pilot, contactors, power module, battery, meter), the EVSE
/// manager, energy manager and safety wiring, the EV simulator over the real protocol path (SLAC on the in-memory
/// PLC segment, SDP, TLS 1.3, ISO 15118-20) and the built-in OCPP 2.1 CSMS. Outcomes are read from
/// the simulated meter and battery, the contactors and the station port's journal. One class, so these run one
/// after another on the shared 2-core budget.
/// </summary>
public sealed class SimulatedSessionTests
{
    [Theory]
    [InlineData("dc-bpt-dynamic")]
    [InlineData("dc-bpt-scheduled")]
    [InlineData("ac-bpt-dynamic")]
    [InlineData("ac-bpt-scheduled")]
    public async Task A_scenario_charges_then_discharges_on_the_csms_request_and_settles_both_registers(string scenario)
    {
        await using var station = await SimulatedStation.StartAsync(scenario, sessions: 1);

        await station.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var summary = Assert.Single(station.Simulation.Summaries);
        Assert.StartsWith($"session 1: {scenario} ok, imported ", summary, StringComparison.Ordinal);
        Assert.True(station.Hardware.EnergyMeter.ImportedEnergyWattHours > 1, "the meter counted no import");
        Assert.True(station.Hardware.EnergyMeter.ExportedEnergyWattHours > 1, "the meter counted no export");
        var ended = Assert.Single(station.Sent("TransactionEvent.Ended"));
        Assert.Contains("StoppedByEV", ended.Detail, StringComparison.Ordinal);
        Assert.Single(station.Sent("NotifyEVChargingNeeds"));
        Assert.All(station.Hardware.Contactors, c => Assert.False(c.IsContactClosed));
        Assert.Equal(0, Environment.ExitCode);

        // What the EV simulator saw on the wire (ISO 15118-20 over TLS 1.3 after SLAC and SDP).
        var ev = Assert.IsType<SimulationRig>(station.Simulation.Rig).Ev!.LastSession!;
        Assert.Equal(EvSessionOutcome.Completed, ev.Outcome);
        Assert.Contains(ev.Exchanges, line => line.StartsWith("← supportedAppProtocolRes OK_SuccessfulNegotiation", StringComparison.Ordinal));
        var discharge = scenario.StartsWith("dc", StringComparison.Ordinal)
            ? @"^← DC_ChargeLoopRes OK [\d.]+ V -[1-9][\d.]* A"
            : @"^← AC_ChargeLoopRes OK target -[1-9]\d* W";
        Assert.Contains(ev.Exchanges, line => Regex.IsMatch(line, discharge));
        if (scenario.EndsWith("scheduled", StringComparison.Ordinal))
        {
            // The CSMS's discharge profile changed the composite schedule: the EV renegotiated and got a
            // schedule that allows discharge (issue 7).
            Assert.True(ev.Exchanges.Count(line => line.StartsWith("← ScheduleExchangeRes OK Finished", StringComparison.Ordinal)) >= 2, "no schedule renegotiation");
        }
    }

    [Fact]
    public async Task Ev_unplug_mid_discharge_opens_the_power_path_and_ends_the_transaction_as_disconnected()
    {
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: 1, chargeSeconds: 0.5, dischargeSeconds: 30);
        await station.WaitForStateAsync(EvseState.Discharging);
        await SimulatedStation.WaitUntilAsync(() => station.Hardware.PowerModule.ActualCurrentAmperes < -10);

        station.Hardware.Ev.Unplug();

        await SimulatedStation.WaitUntilAsync(() => station.Hardware.Contactors.All(c => !c.IsContactClosed), TimeSpan.FromSeconds(1));
        await station.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains("EVDisconnected", Assert.Single(station.Sent("TransactionEvent.Ended")).Detail, StringComparison.Ordinal);
        Assert.Contains("failed", Assert.Single(station.Simulation.Summaries), StringComparison.Ordinal);
        Assert.Equal(1, Environment.ExitCode);
    }

    [Fact]
    public async Task Emergency_stop_mid_discharge_makes_the_station_safe_then_reports_faulted()
    {
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: null, chargeSeconds: 0.5, dischargeSeconds: 30);
        var manager = await station.WaitForStateAsync(EvseState.Discharging);

        station.Hardware.PressEmergencyStop();

        await SimulatedStation.WaitUntilAsync(() => station.Hardware.PowerModule.ActualMode == PowerModuleMode.Off, TimeSpan.FromSeconds(1));
        await SimulatedStation.WaitUntilAsync(() => station.Sent("TransactionEvent.Ended").Any());

        // The supervisor's fault handlers and the session's end run on different threads: either may report first.
        await SimulatedStation.WaitUntilAsync(() => station.Sent("NotifyEvent").Any(e => e.Detail.StartsWith("EmergencyStop", StringComparison.Ordinal)));
        Assert.All(station.Hardware.Contactors, c => Assert.False(c.IsContactClosed));
        Assert.Contains(station.Sent("StatusNotification"), e => e.Detail == "Faulted");
        Assert.Single(station.Sent("TransactionEvent.Ended"));
        Assert.Equal(global::ChargePoint.Firmware.Ocpp.ConnectorStatus.Faulted, manager.ConnectorStatus);
    }

    [Fact]
    public async Task Emergency_stop_mid_discharge_ends_the_transaction_with_stopped_reason_EmergencyStop()
    {
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: null, chargeSeconds: 0.5, dischargeSeconds: 30);
        await station.WaitForStateAsync(EvseState.Discharging);

        station.Hardware.PressEmergencyStop();

        await SimulatedStation.WaitUntilAsync(() => station.Sent("TransactionEvent.Ended").Any());
        Assert.Contains("EmergencyStop", station.Sent("TransactionEvent.Ended").Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contactor_welded_at_the_end_is_detected_and_reported()
    {
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: 1, chargeSeconds: 1, dischargeSeconds: 0.5);
        await station.WaitForStateAsync(EvseState.Discharging);

        station.Hardware.InjectWeldedContactor(0);

        await station.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains(station.Sent("NotifyEvent"), e => e.Detail.StartsWith("WeldedContactor", StringComparison.Ordinal));
        Assert.Contains(station.Sent("StatusNotification"), e => e.Detail == "Faulted");
        Assert.Contains("failed", Assert.Single(station.Simulation.Summaries), StringComparison.Ordinal);
        Assert.Equal(PowerModuleMode.Off, station.Hardware.PowerModule.ActualMode);
    }

    [Fact]
    public async Task A_silent_power_module_trips_the_station_and_stops_the_session()
    {
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: 1, chargeSeconds: 30, dischargeSeconds: 0);
        await station.WaitForStateAsync(EvseState.Charging);

        station.Hardware.InjectCanSilence();

        await station.WaitForExitAsync(TimeSpan.FromSeconds(20));
        Assert.Contains(station.Sent("NotifyEvent"), e => e.Detail.StartsWith("PowerModuleCommunicationLost", StringComparison.Ordinal));
        Assert.All(station.Hardware.Contactors, c => Assert.False(c.IsCommandedClosed));
        Assert.Contains("failed", Assert.Single(station.Simulation.Summaries), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_mid_session_powers_down_opens_contactors_and_ends_the_transaction()
    {
        var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: null, chargeSeconds: 0.5, dischargeSeconds: 30);
        try
        {
            await station.WaitForStateAsync(EvseState.Discharging);

            // What the host does on SIGTERM: StopApplication, then every hosted service stops in reverse order.
            await station.StopAsync();

            Assert.Equal(PowerModuleMode.Off, station.Hardware.PowerModule.ActualMode);
            Assert.All(station.Hardware.Contactors, c => Assert.False(c.IsCommandedClosed));
            Assert.Contains("Local", Assert.Single(station.Sent("TransactionEvent.Ended")).Detail, StringComparison.Ordinal);
            Assert.Equal("Unavailable", station.Sent("StatusNotification").Last().Detail);
        }
        finally
        {
            await station.DisposeAsync();
        }
    }
}
