using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.V2g;
using ChargePoint.V2g.Secc;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Firmware.Tests.V2g;

/// <summary>The SECC ↔ EVSE manager translation: feedback only queues work, answers land in the SECC's cache.</summary>
public sealed class SeccBridgeAdapterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_new_energy_decision_reaches_the_secc_cache_after_one_charge_loop()
    {
        var bridge = new ScriptedBridge { Targets = Charging(11_000) };
        var control = NewControl();
        await using var adapter = new SeccBridgeAdapter(bridge, control, Rating, TimeProvider.System, NullLogger.Instance);
        adapter.OnServiceSelected(EnergyTransferService.AcBpt, ControlMode.Dynamic, 1);
        adapter.OnEvChargingNeeds(new EvChargingNeeds { MaximumChargePower = 22_000, MaximumDischargePower = 11_000 });
        adapter.OnPowerDelivery(PowerDeliveryCommand.Start);
        await WaitAsync(() => control.Snapshot.TargetActivePower == 11_000);

        bridge.Targets = Charging(-7_000); // e.g. the CSMS installed a discharge profile
        adapter.OnChargeLoop(new EvLoopStatus(null, null, null, 0, 55));

        await WaitAsync(() => control.Snapshot.TargetActivePower == -7_000);
        Assert.Equal(55, bridge.LastStatus?.PresentSocPercent);
        Assert.Equal(20_000, control.Snapshot.AcLimits.MaximumDischargePower);
    }

    [Fact]
    public async Task Feedback_never_blocks_the_session_while_the_bridge_is_slow()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000), StartDelay = TimeSpan.FromSeconds(2) };
        var control = NewControl();
        await using var adapter = new SeccBridgeAdapter(bridge, control, Rating, TimeProvider.System, NullLogger.Instance);
        var started = TimeProvider.System.GetTimestamp();

        adapter.OnPowerDelivery(PowerDeliveryCommand.Start);
        adapter.OnChargeLoop(new EvLoopStatus(400, null, null, null, 50));

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(1), "feedback waited for the hardware");
        await WaitAsync(() => bridge.Started);
    }

    [Fact]
    public async Task Scheduled_mode_offers_the_bridge_schedule_and_renegotiates_when_it_changes()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000) };
        var control = NewControl();
        await using var adapter = new SeccBridgeAdapter(bridge, control, Rating, TimeProvider.System, NullLogger.Instance);
        adapter.OnServiceSelected(EnergyTransferService.DcBpt, ControlMode.Scheduled, 1);
        adapter.OnEvChargingNeeds(new EvChargingNeeds { MaximumChargePower = 50_000, MaximumVoltage = 450, MinimumVoltage = 300 });
        await WaitAsync(() => control.Snapshot.Schedule is not null);
        Assert.Equal(40_000, control.Snapshot.Schedule!.Charging[0].Power);
        Assert.Equal(0, control.Snapshot.Schedule.Discharging[0].Power);
        adapter.OnPowerDelivery(PowerDeliveryCommand.Start);
        await WaitAsync(() => bridge.Started);

        bridge.Schedule = new HlcPowerSchedule(DateTimeOffset.UtcNow, [new HlcSchedulePeriod(TimeSpan.FromHours(24), 0, 15_000)]);
        bridge.Targets = Charging(-15_000) with { ScheduleRevision = 1 };
        adapter.OnChargeLoop(new EvLoopStatus(400, 10, 400, null, 50));

        await WaitAsync(() => control.Snapshot.Notification == EvseNotificationRequest.ScheduleRenegotiation);
        Assert.Equal(15_000, control.Snapshot.Schedule!.Discharging[0].Power);
    }

    [Fact]
    public async Task A_scheduled_ev_power_profile_reaches_the_bridge_with_its_signs_and_a_dynamic_one_does_not()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000) };
        await using var adapter = new SeccBridgeAdapter(bridge, NewControl(), Rating, TimeProvider.System, NullLogger.Instance);
        var anchor = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);

        adapter.OnEvPowerProfile(new EvPowerProfile(anchor, ControlMode.Dynamic, null, null, [new EvPowerProfileEntry(TimeSpan.FromHours(2), 50_000)]));
        adapter.OnEvPowerProfile(new EvPowerProfile(anchor, ControlMode.Scheduled, 2, true,
            [new EvPowerProfileEntry(TimeSpan.FromMinutes(10), 11_000), new EvPowerProfileEntry(TimeSpan.FromMinutes(20), -7_000)]));

        await WaitAsync(() => !bridge.Proposed.IsEmpty);
        var proposed = Assert.Single(bridge.Proposed);
        Assert.Equal((anchor, 2u, (bool?)true), (proposed.TimeAnchor, proposed.SelectedScheduleTupleId!.Value, proposed.PowerToleranceAccepted));
        Assert.Equal([new HlcPowerProfileEntry(TimeSpan.FromMinutes(10), 11_000), new HlcPowerProfileEntry(TimeSpan.FromMinutes(20), -7_000)], proposed.Entries);
    }

    [Fact]
    public async Task The_needs_after_schedule_exchange_are_relayed_once_with_their_energy_requests()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000) };
        await using var adapter = new SeccBridgeAdapter(bridge, NewControl(), Rating, TimeProvider.System, NullLogger.Instance);
        var discovery = new EvChargingNeeds { MaximumChargePower = 50_000, MaximumDischargePower = 11_000 };

        adapter.OnEvChargingNeeds(discovery);
        adapter.OnEvChargingNeeds(discovery with { DepartureTime = 3_600, TargetEnergyRequest = 20_000, MinimumV2XEnergyRequest = -9_000, TargetSoc = 80 });
        adapter.OnEvChargingNeeds(discovery with { TargetEnergyRequest = 19_000 }); // a Dynamic loop's renewed values

        await WaitAsync(() => bridge.NeedsChanges.Count == 2);
        await Task.Delay(100);
        Assert.Equal([true, false], bridge.NeedsChanges.Select(n => n.Relayed));
        var reported = bridge.NeedsChanges.First().Limits;
        Assert.Equal(19_000, bridge.NeedsChanges.Last().Limits.TargetEnergyRequestWattHours);
        Assert.Equal((3_600u, 20_000.0, -9_000.0, 80, 11_000.0), (reported.DepartureSeconds!.Value, reported.TargetEnergyRequestWattHours!.Value, reported.MinimumV2xEnergyRequestWattHours!.Value, reported.TargetSocPercent!.Value, reported.MaxDischargePowerWatts));
    }

    [Fact]
    public async Task A_refused_start_asks_the_ev_to_stop()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000), StartAccepted = false };
        var control = NewControl();
        await using var adapter = new SeccBridgeAdapter(bridge, control, Rating, TimeProvider.System, NullLogger.Instance);

        adapter.OnPowerDelivery(PowerDeliveryCommand.Start);

        await WaitAsync(() => control.Snapshot.Notification == EvseNotificationRequest.Terminate);
        Assert.True(adapter.StopRequestedByEvse);
    }

    [Fact]
    public async Task Every_later_change_of_the_ev_needs_reaches_the_energy_manager_but_not_the_csms()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000) };
        await using var adapter = new SeccBridgeAdapter(bridge, NewControl(), Rating, TimeProvider.System, NullLogger.Instance);
        adapter.OnServiceSelected(EnergyTransferService.DcBpt, ControlMode.Dynamic, 1);
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000));
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000, target: 20_000)); // ScheduleExchangeReq: relayed
        adapter.OnPowerDelivery(PowerDeliveryCommand.Start);

        adapter.OnEvChargingNeeds(Needs(32_000, 30_000, target: 20_000)); // e.g. a warm battery: the Dynamic loop lowers the EV's limit
        adapter.OnEvChargingNeeds(Needs(32_000, 30_000, target: 20_000)); // unchanged: nothing to tell

        await WaitAsync(() => bridge.NeedsChanges.Count >= 2);
        await Task.Delay(200);
        Assert.Equal(2, bridge.NeedsChanges.Count);
        var (limits, relayed) = bridge.NeedsChanges.Last();
        Assert.Equal(32_000, limits.MaxChargePowerWatts);
        Assert.False(relayed);
    }

    [Fact]
    public async Task Needs_after_a_renegotiation_the_ev_started_are_relayed_but_not_after_one_the_station_asked_for()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000) };
        var control = NewControl();
        await using var adapter = new SeccBridgeAdapter(bridge, control, Rating, TimeProvider.System, NullLogger.Instance);
        adapter.OnServiceSelected(EnergyTransferService.DcBpt, ControlMode.Scheduled, 1);
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000));
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000, target: 20_000)); // ScheduleExchangeReq: relayed
        adapter.OnPowerDelivery(PowerDeliveryCommand.Start);
        await WaitAsync(() => bridge.Started);
        await WaitAsync(() => bridge.NeedsChanges.Count == 1);

        // K17: the EV renegotiates of its own accord with new energy requests.
        adapter.OnPowerDelivery(PowerDeliveryCommand.ScheduleRenegotiation);
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000, target: 12_000));
        await WaitAsync(() => bridge.NeedsChanges.Count == 2);
        Assert.True(bridge.NeedsChanges.Last().Relayed);

        // K16: the composite schedule changed, the station asks the EV to renegotiate; its needs stay local.
        bridge.Targets = Charging(5_000) with { ScheduleRevision = 1 };
        adapter.OnChargeLoop(new EvLoopStatus(400, 10, 400, null, 50));
        await WaitAsync(() => control.Snapshot.Notification == EvseNotificationRequest.ScheduleRenegotiation);
        adapter.OnPowerDelivery(PowerDeliveryCommand.ScheduleRenegotiation);
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000, target: 11_000));
        await WaitAsync(() => bridge.NeedsChanges.Count == 3);
        Assert.False(bridge.NeedsChanges.Last().Relayed);
    }

    [Fact]
    public async Task A_service_chosen_again_relays_the_needs_that_follow()
    {
        var bridge = new ScriptedBridge { Targets = Charging(5_000) };
        await using var adapter = new SeccBridgeAdapter(bridge, NewControl(), Rating, TimeProvider.System, NullLogger.Instance);
        adapter.OnServiceSelected(EnergyTransferService.Dc, ControlMode.Dynamic, 1);
        adapter.OnEvChargingNeeds(Needs(50_000, 0));
        adapter.OnEvChargingNeeds(Needs(50_000, 0, target: 20_000)); // ScheduleExchangeReq
        adapter.OnEvChargingNeeds(Needs(50_000, 0, target: 19_000)); // a Dynamic loop's change: local only

        // SessionStop(ServiceRenegotiation), then DC_BPT once the CSMS allowed V2X (Q01 remarks): its
        // ChargeParameterDiscovery and ScheduleExchange are both relayed, even when unchanged.
        adapter.OnServiceSelected(EnergyTransferService.DcBpt, ControlMode.Dynamic, 2);
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000, target: 19_000));
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000, target: 19_000));
        adapter.OnEvChargingNeeds(Needs(50_000, 30_000, target: 19_000)); // nothing new after that

        await WaitAsync(() => bridge.NeedsChanges.Count >= 4);
        await Task.Delay(200);
        Assert.Equal([true, false, true, true], bridge.NeedsChanges.Select(n => n.Relayed));
    }

    private static EvChargingNeeds Needs(double charge, double discharge, double? target = null) => new()
    {
        MaximumChargePower = charge,
        MaximumDischargePower = discharge,
        MaximumVoltage = 450,
        MinimumVoltage = 300,
        TargetEnergyRequest = target,
    };

    private static readonly SeccStationRating Rating = new(125, 125, 500, 150);

    private static SeccControl NewControl() => new(
        new DcEvseLimits(50_000, 0, 125, 0, 500, 150, 50_000, 0, 125, 0),
        new AcEvseLimits(22_000, 0, 22_000, 0, 50, 230));

    private static EvseTargets Charging(double setpoint) => new(40_000, 20_000, setpoint, 400, setpoint / 400, false);

    private static async Task WaitAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached");
            await Task.Delay(10);
        }
    }

    private sealed class ScriptedBridge : IHlcEvseBridge
    {
        public volatile EvseTargets Targets = null!;

        public volatile HlcPowerSchedule Schedule = new(DateTimeOffset.UtcNow, [new HlcSchedulePeriod(TimeSpan.FromHours(24), 40_000, 0)]);

        public TimeSpan StartDelay { get; init; }

        public bool StartAccepted { get; init; } = true;

        public volatile bool Started;

        public EvStatus? LastStatus { get; private set; }

        public bool VehicleConnected => true;

        public void SessionStarted(HlcSessionInfo info)
        {
        }

        public ValueTask<bool?> AuthorizeAsync(CancellationToken cancellationToken) => ValueTask.FromResult<bool?>(true);

        public EvseTargets ChargeParameters(EvLimits limits) => Targets;

        public System.Collections.Concurrent.ConcurrentQueue<(EvLimits Limits, bool Relayed)> NeedsChanges { get; } = new();

        public EvseTargets EvNeedsChanged(EvLimits limits, bool relayToCsms)
        {
            NeedsChanges.Enqueue((limits, relayToCsms));
            return Targets;
        }

        public ValueTask<bool> CableCheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult(true);

        public double PreCharge(double targetVoltageVolts) => targetVoltageVolts;

        public HlcPowerSchedule ScheduleExchange(DateTimeOffset start, TimeSpan horizon) => Schedule;

        public ValueTask RunLinkErrorRoutineAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public async ValueTask<bool> StartEnergyTransferAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(StartDelay, cancellationToken);
            Started = true;
            return StartAccepted;
        }

        public EvseTargets ChargeLoop(EvStatus status)
        {
            LastStatus = status;
            return Targets;
        }

        public ValueTask StopEnergyTransferAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public System.Collections.Concurrent.ConcurrentQueue<HlcEvPowerProfile> Proposed { get; } = new();

        public void EvPowerProfileProposed(HlcEvPowerProfile profile) => Proposed.Enqueue(profile);
    }
}
