using ChargePoint.Simulators.Ev;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Tests.Tls;
using Xunit.Abstractions;

namespace ChargePoint.V2g.Tests.Secc;

/// <summary>Whole -20 sessions between the EV simulator and our SECC over TLS 1.3 on loopback.</summary>
public sealed class FullSessionTests(PkiFixture fixture, ITestOutputHelper output) : IClassFixture<PkiFixture>
{
    [Fact]
    public async Task Dc_bpt_dynamic_session_charges_and_discharges_and_ends_safe()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output, firmware: c => new SimulatedFirmware(c) { AuthorizationDelay = TimeSpan.FromMilliseconds(60) });
        var result = await secc.RunEvAsync(new EvSimulatorOptions { Service = EnergyTransferService.DcBpt, ControlMode = ControlMode.Dynamic, ChargeLoops = 4 });

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        Assert.Equal("SessionStopRes", result.LastResponse);
        Assert.Equal(4, result.ChargeLoops);
        Assert.Contains(result.Exchanges, line => line.StartsWith("← AuthorizationRes OK Ongoing", StringComparison.Ordinal));
        Assert.Contains(result.Exchanges, line => line.StartsWith("← DC_WeldingDetectionRes OK", StringComparison.Ordinal));
        Assert.Equal(SafeStateReason.SessionTerminated, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
        Assert.Equal((EnergyTransferService.DcBpt, ControlMode.Dynamic), secc.Firmware.Selected);
        Assert.Equal([PowerDeliveryCommand.Start, PowerDeliveryCommand.Stop], secc.Firmware.PowerDeliveries);
        var needs = secc.Firmware.Needs.Last();
        Assert.Equal(11_000, needs.MaximumDischargePower);
        Assert.Equal(30, needs.MaximumDischargeCurrent);
        Assert.Equal(7200u, needs.DepartureTime);
        Assert.True(needs.MinimumV2XEnergyRequest < 0, "the EV offers energy down to its minimum SOC");
        Assert.Equal(4, secc.Firmware.Loops.Count);
        Assert.True(result.FinalSocPercent > 40, "100 A at 400 V for four simulated minutes charged the battery");
        var profile = Assert.Single(secc.Firmware.PowerProfiles);
        Assert.Equal((ControlMode.Dynamic, (uint?)null), (profile.ControlMode, profile.SelectedScheduleTupleId));
    }

    [Fact]
    public async Task Ac_bpt_scheduled_ev_proposes_a_power_profile_that_follows_the_tuple_it_selected_discharge_included()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        var start = DateTimeOffset.FromUnixTimeSeconds(secc.Time.GetUtcNow().ToUnixTimeSeconds());
        var half = TimeSpan.FromMinutes(30);
        secc.Control.SetSchedule(new EvseSchedule(start, [new ScheduleEntry(half, 11_000), new ScheduleEntry(half, 0)], [new ScheduleEntry(half, 0), new ScheduleEntry(half, 5_000)]));
        var result = await secc.RunEvAsync(new EvSimulatorOptions { Service = EnergyTransferService.AcBpt, ControlMode = ControlMode.Scheduled, ChargeLoops = 2 });

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        var offered = Assert.Single(result.Schedules);
        Assert.Equal([new ScheduleEntry(half, 0), new ScheduleEntry(half, 5_000)], offered.Discharging);
        var profile = Assert.Single(secc.Firmware.PowerProfiles);
        Assert.Equal((ControlMode.Scheduled, (uint?)offered.ScheduleTupleId, start), (profile.ControlMode, profile.SelectedScheduleTupleId, profile.TimeAnchor));
        Assert.Equal([new EvPowerProfileEntry(half, 11_000), new EvPowerProfileEntry(half, -5_000)], profile.Entries); // [V2G20-1034]: negative feeds back
        Assert.Equal(profile.Entries, Assert.Single(result.PowerProfiles).Entries);
    }

    [Fact]
    public async Task Dc_bpt_dynamic_session_discharges_when_the_station_feeds_back()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output, firmware: c => new SimulatedFirmware(c) { DcCurrent = -25 });
        var result = await secc.RunEvAsync(new EvSimulatorOptions { ChargeLoops = 3, NegativeDischargeLimits = true });

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        Assert.True(result.FinalSocPercent < 40, "negative current discharged the battery");
        Assert.Equal(11_000, secc.Firmware.Needs.Last().MaximumDischargePower);
    }

    [Fact]
    public async Task Dc_bpt_scheduled_session_uses_the_firmware_schedule()
    {
        var time = TimeProvider.System;
        await using var secc = new SeccLoopback(
            fixture.Pki,
            output,
            new SeccOptions { PreferredControlMode = ControlMode.Scheduled },
            firmware: c => new SimulatedFirmware(c) { ScheduleAfterDiscovery = () => Schedule(time) });
        var result = await secc.RunEvAsync(new EvSimulatorOptions { Service = EnergyTransferService.DcBpt, ControlMode = ControlMode.Scheduled, ChargeLoops = 3 });

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        Assert.Contains(result.Exchanges, line => line.StartsWith("← ScheduleExchangeRes OK Ongoing", StringComparison.Ordinal));
        Assert.Equal((EnergyTransferService.DcBpt, ControlMode.Scheduled), secc.Firmware.Selected);
        Assert.All(secc.Firmware.Loops, loop => Assert.NotNull(loop.TargetCurrent));
        Assert.Equal(SafeStateReason.SessionTerminated, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Ac_bpt_dynamic_session_follows_a_discharge_target()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        secc.Control.SetTargetActivePower(-7_000);
        var result = await secc.RunEvAsync(new EvSimulatorOptions { Service = EnergyTransferService.AcBpt, ControlMode = ControlMode.Dynamic, ChargeLoops = 3 });

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        Assert.Contains(result.Exchanges, line => line.StartsWith("← AC_ChargeLoopRes OK target -7000 W", StringComparison.Ordinal));
        Assert.True(result.FinalSocPercent < 40);
        Assert.DoesNotContain(result.Exchanges, line => line.Contains("DC_", StringComparison.Ordinal));
        Assert.Equal(SafeStateReason.SessionTerminated, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Ac_bpt_scheduled_session_completes()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        secc.Control.SetSchedule(Schedule(secc.Time));
        var result = await secc.RunEvAsync(new EvSimulatorOptions { Service = EnergyTransferService.AcBpt, ControlMode = ControlMode.Scheduled, ChargeLoops = 3 });

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        Assert.Equal((EnergyTransferService.AcBpt, ControlMode.Scheduled), secc.Firmware.Selected);
        Assert.Equal(3, result.ChargeLoops);
        Assert.Equal(SafeStateReason.SessionTerminated, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
    }

    [Fact]
    public async Task Paused_session_resumes_with_its_old_session_id()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        var first = await secc.RunEvAsync(new EvSimulatorOptions { ChargeLoops = 5, PauseAfterLoops = 2 });

        Assert.Equal(EvSessionOutcome.Paused, first.Outcome);
        Assert.Equal(SafeStateReason.SessionPaused, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
        Assert.NotNull(secc.Host.PausedSessions.Current);

        var resumed = await secc.RunEvAsync(new EvSimulatorOptions { ChargeLoops = 2, ResumeSessionId = first.SessionId });

        Assert.Equal(EvSessionOutcome.Completed, resumed.Outcome);
        Assert.Contains(resumed.Exchanges, line => line.StartsWith("← SessionSetupRes OK_OldSessionJoined", StringComparison.Ordinal));
        Assert.DoesNotContain(resumed.Exchanges, line => line.Contains("AuthorizationSetup", StringComparison.Ordinal));
        Assert.Equal(first.SessionId, resumed.SessionId);
        Assert.Null(secc.Host.PausedSessions.Current);
    }

    [Fact]
    public async Task Evse_terminate_notification_ends_the_loop_early()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        var run = secc.RunEvAsync(new EvSimulatorOptions { ChargeLoops = 200, LoopInterval = TimeSpan.FromMilliseconds(10) });
        while (secc.Firmware.Loops.Count < 2)
        {
            await Task.Delay(5);
        }

        secc.Control.RequestStop();
        var result = await run;

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        Assert.True(result.ChargeLoops < 200);
        Assert.Contains(result.Exchanges, line => line.Contains("[EVSE Terminate, within 60 s]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Schedule_renegotiation_returns_to_schedule_exchange_and_continues()
    {
        await using var secc = new SeccLoopback(fixture.Pki, output);
        var result = await secc.RunEvAsync(new EvSimulatorOptions { ChargeLoops = 4, RenegotiateAfterLoops = 2 });

        Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
        Assert.Equal(2, result.Exchanges.Count(line => line.StartsWith("→ ScheduleExchangeReq", StringComparison.Ordinal)));
        Assert.Contains(PowerDeliveryCommand.ScheduleRenegotiation, secc.Firmware.PowerDeliveries);
    }

    private static EvseSchedule Schedule(TimeProvider time) => new(
        time.GetUtcNow(),
        [new ScheduleEntry(TimeSpan.FromHours(1), 22_000), new ScheduleEntry(TimeSpan.FromHours(1), 11_000)],
        [new ScheduleEntry(TimeSpan.FromHours(2), 7_000)]);
}
