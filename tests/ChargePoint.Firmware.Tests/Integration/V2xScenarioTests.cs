using ChargePoint.Firmware.Settlement;
using ChargePoint.Simulators.Ev;
using static ChargePoint.Firmware.Tests.Integration.EvObserved;
using static ChargePoint.Firmware.Tests.Ocpp.PeerTraffic;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// Issue 7's done-when scenarios: the real host in simulation mode against the strict OCPP 2.1 CSMS (tests/ocpp-peer,
/// validating every frame) and the EV simulator over SLAC, SDP, TLS 1.3 and ISO 15118-20. The CSMS's requests are
/// made as a CSMS makes them; the outcome is read from the peer's traffic, the EV's own observations and the meter.
/// </summary>
[Collection(StrictCsmsCollection.Name)]
public sealed class V2xScenarioTests
{
    [Fact]
    public async Task Dc_bpt_dynamic_discharges_on_a_dynamic_tx_profile_follows_its_update_within_a_loop_and_settles_both_registers()
    {
        await using var run = await StrictCsmsRun.StartChargingAsync("fw-v2x-dynamic", "dc-bpt-dynamic", chargeSeconds: 4, dischargeSeconds: 16);
        var (peer, station, id, transactionId) = (run.Peer, run.Station, run.StationId, run.TransactionId);

        var set = await run.CallAsync("SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":77,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Dynamic","transactionId":"{{{transactionId}}}",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":50000,"dischargeLimit":-9000,"setpoint":-8000,"operationMode":"CentralSetpoint"}]}]}}
            """);
        var profileAnswered = DateTimeOffset.UtcNow;
        await run.WaitForPowerAsync(p => p < -7000);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var updating = DateTimeOffset.UtcNow;
        var update = await run.CallAsync("UpdateDynamicSchedule", """{"chargingProfileId":77,"scheduleUpdate":{"dischargeLimit":-5000,"setpoint":-4000}}""");
        var updateAnswered = DateTimeOffset.UtcNow;
        await run.WaitForEndAsync();

        Assert.Empty(peer.StrictValidationFailures);
        Assert.Equal("Accepted", set.GetProperty("status").GetString());
        Assert.Equal("Accepted", update.GetProperty("status").GetString());
        Assert.NotEmpty(peer.CallsFromStation("BootNotification", id));
        Assert.Contains(peer.CallsFromStation("StatusNotification", id), s => s.GetProperty("connectorStatus").GetString() == "Occupied");

        // NotifyEVChargingNeeds carries the limits the EV declared in DC_ChargeParameterDiscoveryReq.
        var needs = Assert.Single(peer.CallsFromStation("NotifyEVChargingNeeds", id)).GetProperty("chargingNeeds");
        Assert.Equal("DC_BPT", needs.GetProperty("requestedEnergyTransfer").GetString());
        Assert.Equal("DynamicControl", needs.GetProperty("controlMode").GetString());
        var declared = new EvBattery();
        var battery = station.Hardware.Ev.Battery;
        var v2x = needs.GetProperty("v2xChargingParameters");
        Assert.Equal(declared.MaximumDischargePower, v2x.GetProperty("maxDischargePower").GetDouble());
        Assert.Equal(declared.MaximumDischargeCurrent, v2x.GetProperty("maxDischargeCurrent").GetDouble());
        Assert.Equal(declared.MaximumChargePower, v2x.GetProperty("maxChargePower").GetDouble());
        Assert.Equal(declared.MaximumChargeCurrent, v2x.GetProperty("maxChargeCurrent").GetDouble());
        Assert.Equal(battery.MaxVoltageVolts, v2x.GetProperty("maxVoltage").GetDouble());
        Assert.Equal(battery.MinVoltageVolts, v2x.GetProperty("minVoltage").GetDouble());
        // ... and the departure time and energy requests of its ScheduleExchangeReq (V2X: down to its minimum SoC).
        var departure = needs.GetProperty("departureTime").GetDateTimeOffset();
        Assert.InRange(departure, DateTimeOffset.UtcNow.AddSeconds(7_200 - 120), DateTimeOffset.UtcNow.AddSeconds(7_200));
        Assert.True(v2x.GetProperty("evTargetEnergyRequest").GetDouble() > 0);
        Assert.True(v2x.GetProperty("evMaxEnergyRequest").GetDouble() >= v2x.GetProperty("evTargetEnergyRequest").GetDouble());
        Assert.True(v2x.GetProperty("evMinV2XEnergyRequest").GetDouble() < 0, "the EV offers energy down to its minimum SoC");
        Assert.Equal(declared.TargetSocPercent, v2x.GetProperty("targetSoC").GetInt32());

        // What the EV read in its ChargeLoopRes: the profile's discharge limit and an operating point at its setpoint,
        // then, from the next loops after UpdateDynamicSchedule on, the updated ones.
        var ev = Session(station);
        Assert.Equal(EvSessionOutcome.Completed, ev.Outcome);
        var beforeUpdate = Loops(ev, profileAnswered, updating);
        Assert.True(beforeUpdate.Count(l => l.MaximumDischargePower == 9000 && Near(l.Power, -8000)) >= 2, Describe(ev.Loops));
        var afterUpdate = Loops(ev, updateAnswered.AddSeconds(1), DateTimeOffset.MaxValue).Where(l => l.Power < -100).ToList();
        Assert.True(afterUpdate.Count >= 4, Describe(ev.Loops));
        Assert.All(afterUpdate, l => Assert.Equal(5000, l.MaximumDischargePower));
        Assert.All(afterUpdate.Skip(2), l => Assert.True(Near(l.Power, -4000), Describe(afterUpdate)));

        // The meter counted the export: Power.Active.Import negative, Power.Active.Export positive, the export register rising.
        var events = run.Events;
        AssertContinuous(events);
        Assert.Contains(events, e => Sampled(e, "Power.Active.Import").Any(p => Near(p, -8000, 10)));
        Assert.Contains(events, e => Sampled(e, "Power.Active.Import").Any(p => Near(p, -4000, 10)));
        Assert.Contains(events, e => Sampled(e, "Power.Active.Export").Any(p => p > 3000));
        var exportRegister = events.SelectMany(e => Sampled(e, "Energy.Active.Export.Register")).ToList();
        Assert.True(exportRegister[^1] > exportRegister[0], "the export register did not rise");
        Assert.Equal(exportRegister.Order(), exportRegister);
        Assert.Contains(events, e => e.TryGetProperty("triggerReason", out var t) && t.GetString() == "OperationModeChanged");

        // TransactionEvent Ended carries both registers, and the settlement record agrees with them.
        var ended = events[^1];
        Assert.Equal("StoppedByEV", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        var importAtEnd = Assert.Single(Sampled(ended, "Energy.Active.Import.Register"));
        var exportAtEnd = Assert.Single(Sampled(ended, "Energy.Active.Export.Register"));
        Assert.True(exportAtEnd >= exportRegister[^1]);
        var settlement = SettlementReader.Find(station.StoragePath, transactionId);
        Assert.NotNull(settlement);
        Assert.Equal("StoppedByEV", settlement.StopReason);
        Assert.Equal(importAtEnd, settlement.ImportRegisterWh, 0);
        Assert.Equal(exportAtEnd, settlement.ExportRegisterWh, 0);
        Assert.True(settlement.ExportedWh > 1 && settlement.ImportedWh > 1, $"settlement {settlement}");
        Assert.Equal(settlement.ImportedWh - settlement.ExportedWh, settlement.NetWh, 6);
    }

    [Fact]
    public async Task Ac_bpt_scheduled_receives_a_discharging_power_schedule_and_its_proposed_profile_reaches_the_csms()
    {
        await using var run = await StrictCsmsRun.StartChargingAsync("fw-v2x-scheduled", "ac-bpt-scheduled", chargeSeconds: 4, dischargeSeconds: 10);
        var (peer, station, id, transactionId) = (run.Peer, run.Station, run.StationId, run.TransactionId);

        var set = await run.CallAsync("SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":78,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","transactionId":"{{{transactionId}}}",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","startSchedule":"{{{DateTime.UtcNow.AddSeconds(-1):yyyy-MM-ddTHH:mm:ssZ}}}",
               "chargingSchedulePeriod":[{"startPeriod":0,"limit":50000,"dischargeLimit":-7000,"setpoint":-6000,"operationMode":"CentralSetpoint"}]}]}}
            """);
        await run.WaitForEndAsync();

        Assert.Empty(peer.StrictValidationFailures);
        Assert.Equal("Accepted", set.GetProperty("status").GetString());
        var needs = Assert.Single(peer.CallsFromStation("NotifyEVChargingNeeds", id)).GetProperty("chargingNeeds");
        Assert.Equal(("AC_BPT", "ScheduledControl"), (needs.GetProperty("requestedEnergyTransfer").GetString(), needs.GetProperty("controlMode").GetString()));

        // The EV's ScheduleExchangeRes: first a charging schedule at the station's rating, then (renegotiated after the
        // profile) one whose charging PowerSchedule allows nothing and whose discharging PowerSchedule allows 7 kW.
        var ev = Session(station);
        Assert.Equal(EvSessionOutcome.Completed, ev.Outcome);
        Assert.True(ev.Schedules.Count >= 2, "no schedule renegotiation");
        Assert.True(ev.Schedules[0].Charging[0].Power > 0);
        var discharging = ev.Schedules[^1];
        Assert.Equal(0, discharging.Charging[0].Power);
        Assert.Equal(7000, discharging.Discharging[0].Power);
        Assert.Contains(ev.Loops, l => l.At > discharging.At && l.TargetActivePower == -6000);

        // Each PowerDelivery Start carried the EV's power profile; the station sent it to the CSMS (K18), the one
        // following the discharging schedule with limit 0 and the EV's planned discharge as dischargeLimit.
        Assert.Equal(ev.PowerProfiles.Count, peer.CallsFromStation("NotifyEVChargingSchedule", id).Count);
        var proposal = peer.CallsFromStation("NotifyEVChargingSchedule", id)[^1];
        Assert.Equal(1, proposal.GetProperty("evseId").GetInt32());
        Assert.Equal((int)discharging.ScheduleTupleId, proposal.GetProperty("selectedChargingScheduleId").GetInt32());
        var period = proposal.GetProperty("chargingSchedule").GetProperty("chargingSchedulePeriod")[0];
        Assert.Equal(0, period.GetProperty("limit").GetDouble());
        Assert.Equal(-7000, period.GetProperty("dischargeLimit").GetDouble());
        Assert.Equal(-7000, ev.PowerProfiles[^1].Entries[0].Power);

        var events = run.Events;
        AssertContinuous(events);
        Assert.Contains(events, e => Sampled(e, "Power.Active.Import").Any(p => p < -1000));
        var exportRegister = events.SelectMany(e => Sampled(e, "Energy.Active.Export.Register")).ToList();
        Assert.True(exportRegister[^1] > exportRegister[0], "the export register did not rise");
        var ended = events[^1];
        Assert.Single(Sampled(ended, "Energy.Active.Import.Register"));
        Assert.Single(Sampled(ended, "Energy.Active.Export.Register"));
        // The profile follows the first kilowatt of charging, so little is imported: the settlement must agree with
        // the registers Ended reports, whatever they are.
        var settlement = SettlementReader.Find(station.StoragePath, transactionId);
        Assert.True(settlement is { ExportedWh: > 1, ImportedWh: > 0 }, $"settlement {settlement}");
        Assert.Equal(Sampled(ended, "Energy.Active.Import.Register").Single(), settlement.ImportRegisterWh, 0);
        Assert.Equal(Sampled(ended, "Energy.Active.Export.Register").Single(), settlement.ExportRegisterWh, 0);
    }
}
