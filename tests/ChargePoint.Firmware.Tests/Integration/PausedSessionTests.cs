using ChargePoint.Firmware.Evse;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Simulators;
using ChargePoint.Simulators.Ev;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// ISO 15118-20 pause and resume at the firmware level: the simulated EV ends its session with SessionStop(Pause)
/// halfway through charging, sleeps plugged in, and comes back with SessionSetupReq carrying its old SessionID.
/// The station goes safe during the pause (module off, contactors open), keeps the transaction (SuspendedEV), goes
/// on with the same transaction after the resume, and ends it as EVDisconnected when the EV leaves while paused.
/// </summary>
public sealed class PausedSessionTests
{
    [Fact]
    public async Task A_paused_session_is_safe_during_the_pause_and_resumes_the_same_transaction()
    {
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: 1, chargeSeconds: 2, dischargeSeconds: 1, extraArguments: ["--Simulation:PauseSeconds=2"]);
        var manager = await station.WaitForStateAsync(EvseState.Paused, TimeSpan.FromSeconds(60));
        var meter = station.Hardware.EnergyMeter;
        var movedBeforePause = meter.ImportedEnergyWattHours + meter.ExportedEnergyWattHours;

        // Safe while the EV sleeps: nothing flows, every contact open, the transaction still open.
        await SimulatedStation.WaitUntilAsync(() => station.Hardware.Contactors.All(c => !c.IsContactClosed), TimeSpan.FromSeconds(2));
        Assert.Equal(PowerModuleMode.Off, station.Hardware.PowerModule.ActualMode);
        Assert.NotNull(manager.TransactionId);
        Assert.Empty(station.Sent("TransactionEvent.Ended"));
        Assert.Contains("SuspendedEV", Assert.Single(station.Sent("TransactionEvent.Updated")).Detail, StringComparison.Ordinal);

        await station.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var started = Assert.Single(station.Sent("TransactionEvent.Started"));
        var ended = Assert.Single(station.Sent("TransactionEvent.Ended"));
        Assert.StartsWith(started.Detail + " StoppedByEV", ended.Detail, StringComparison.Ordinal); // one transaction, start to end
        Assert.StartsWith("session 1: dc-bpt-dynamic ok", Assert.Single(station.Simulation.Summaries), StringComparison.Ordinal);
        // The CSMS's discharge request falls into the pause: after the resume energy flows back (export) as well.
        Assert.True(meter.ImportedEnergyWattHours + meter.ExportedEnergyWattHours > movedBeforePause + 0.1, "no energy flowed after the resume");

        var ev = Assert.IsType<SimulationRig>(station.Simulation.Rig).Ev!;
        Assert.Equal(EvSessionOutcome.Paused, ev.PausedSession!.Outcome);
        Assert.Equal(EvSessionOutcome.Completed, ev.LastSession!.Outcome);
        Assert.Contains(ev.LastSession.Exchanges, l => l.StartsWith("← SessionSetupRes OK_OldSessionJoined", StringComparison.Ordinal));
        Assert.Equal(ev.PausedSession.SessionId, ev.LastSession.SessionId);
    }

    [Fact]
    public async Task An_ev_unplugged_while_paused_ends_the_transaction_as_disconnected()
    {
        await using var station = await SimulatedStation.StartAsync("dc-bpt-dynamic", sessions: 1, chargeSeconds: 2, dischargeSeconds: 1, extraArguments: ["--Simulation:PauseSeconds=60"]);
        await station.WaitForStateAsync(EvseState.Paused, TimeSpan.FromSeconds(60));

        station.Hardware.Ev.Unplug();

        await station.WaitForExitAsync(TimeSpan.FromSeconds(30));
        var ended = Assert.Single(station.Sent("TransactionEvent.Ended"));
        Assert.Contains("EVDisconnected", ended.Detail, StringComparison.Ordinal);
        Assert.Empty(station.Sent("NotifyEvent")); // leaving while paused is no fault
        Assert.All(station.Hardware.Contactors, c => Assert.False(c.IsContactClosed));
    }
}
