using ChargePoint.Cli;
using ChargePoint.Firmware.Tests.Cli;
using static ChargePoint.Firmware.Tests.Integration.EvObserved;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// The controls besides the CSMS's own profiles, end to end with the strict CSMS and the EV simulator: the site energy
/// manager's limit (an external constraint, K11-K13), AFRR signals through a v2xSignalWattCurve (Q08) and priority
/// charging (K21 from the CSMS, K22 at the station). Each is checked on the wire to the CSMS and in what the EV then reads in its ChargeLoopRes.
/// </summary>
[Collection(StrictCsmsCollection.Name)]
public sealed class V2xControlTests
{
    [Fact]
    public async Task A_site_limit_caps_what_the_ev_may_draw_and_reaches_the_csms_as_notify_and_cleared_charging_limit()
    {
        await using var run = await StrictCsmsRun.StartChargingAsync("fw-site-limit", "dc-bpt-dynamic", chargeSeconds: 14, dischargeSeconds: 0, chargingAboveWatts: 30_000);
        var (peer, station, id) = (run.Peer, run.Station, run.StationId);
        var socket = Path.Combine(station.StoragePath, "diag.sock");

        var set = await CliRun.RunAsync("limit", "set", "--charge-watts", "20000", "--discharge-watts", "3000", "--socket", socket);
        var limited = DateTimeOffset.UtcNow;
        Assert.True(set.Exit == CliExitCodes.Ok, set.ToString());
        var notified = (await peer.WaitForCallsAsync("NotifyChargingLimit", 1, id, TimeSpan.FromSeconds(10)))[0];
        var report = await run.CallAsync("GetChargingProfiles", """{"requestId":5,"chargingProfile":{"chargingLimitSource":["EMS"]}}""");
        var reported = (await peer.WaitForCallsAsync("ReportChargingProfiles", 1, id, TimeSpan.FromSeconds(10)))[0];
        var csmsClear = await run.CallAsync("ClearChargingProfile", """{"chargingProfileCriteria":{"chargingProfilePurpose":"ChargingStationExternalConstraints"}}""");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var releasing = DateTimeOffset.UtcNow;
        var clear = await CliRun.RunAsync("limit", "clear", "--socket", socket);
        var released = DateTimeOffset.UtcNow;
        Assert.True(clear.Exit == CliExitCodes.Ok, clear.ToString());
        await peer.WaitForCallsAsync("ClearedChargingLimit", 1, id, TimeSpan.FromSeconds(10));
        var refused = await CliRun.RunAsync("limit", "set", "--charge-watts", "-5", "--socket", socket);
        await station.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Empty(peer.StrictValidationFailures);
        Assert.Equal("EMS", notified.GetProperty("chargingLimit").GetProperty("chargingLimitSource").GetString());
        Assert.False(notified.TryGetProperty("evseId", out _), "a grid-connection limit names no EVSE");
        Assert.Equal("Accepted", report.GetProperty("status").GetString());
        Assert.Equal("EMS", reported.GetProperty("chargingLimitSource").GetString());
        var profile = Assert.Single(reported.GetProperty("chargingProfile").EnumerateArray().ToList());
        Assert.Equal(("ChargingStationExternalConstraints", -1), (profile.GetProperty("chargingProfilePurpose").GetString(), profile.GetProperty("id").GetInt32()));
        Assert.Equal("Unknown", csmsClear.GetProperty("status").GetString()); // K01.FR.22: not the CSMS's to clear
        Assert.Equal("EMS", Assert.Single(peer.CallsFromStation("ClearedChargingLimit", id)).GetProperty("chargingLimitSource").GetString());
        Assert.Equal(CliExitCodes.InvalidInput, refused.Exit);
        Assert.Contains("InvalidValue", refused.Err, StringComparison.Ordinal);

        // K11.FR.04/K13.FR.03: the limit and its release each moved the running transaction's rate.
        Assert.Equal(2, run.Events.Count(e => e.GetProperty("triggerReason").GetString() == "ChargingRateChanged"));

        // The EV read the site's ceiling as the EVSE's maximum charge power and drew no more; released, the station's
        // own rating applies again.
        var ev = Session(station);
        // (Up to the CLI's answer: the station's meter passed 30 kW before the call, the EV's own view of it may
        // arrive a loop later, still before the limit applies.)
        Assert.Contains(Loops(ev, DateTimeOffset.MinValue, limited), l => l.MaximumChargePower > 30_000 && l.Power > 30_000);
        var during = Loops(ev, limited.AddSeconds(1), releasing);
        Assert.True(during.Count >= 3, Describe(ev.Loops));
        Assert.All(during, l => Assert.Equal(20_000, l.MaximumChargePower));
        Assert.All(during.Skip(2), l => Assert.True(l.Power <= 20_000 * 1.02 && l.Power > 15_000, Describe(during)));
        Assert.Contains(Loops(ev, released.AddSeconds(1), DateTimeOffset.MaxValue), l => l.MaximumChargePower > 30_000);
    }

    [Fact]
    public async Task An_afrr_signal_drives_the_discharge_through_the_signal_watt_curve_until_priority_charging_takes_over()
    {
        await using var run = await StrictCsmsRun.StartChargingAsync("fw-afrr-priority", "dc-bpt-dynamic", chargeSeconds: 3, dischargeSeconds: 28);
        var (peer, station, transactionId) = (run.Peer, run.Station, run.TransactionId);
        var socket = Path.Combine(station.StoragePath, "diag.sock");

        // Q07/Q08: a Dynamic CentralFrequency profile without limits whose power follows the AFRR signal.
        var frequency = await run.CallAsync("SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":90,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Dynamic","transactionId":"{{{transactionId}}}",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"setpoint":0,"operationMode":"CentralFrequency",
               "v2xSignalWattCurve":[{"signal":-100,"power":-10000},{"signal":100,"power":10000}]}]}]}}
            """);
        var priority = await run.CallAsync("SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":91,"stackLevel":0,"chargingProfilePurpose":"PriorityCharging","chargingProfileKind":"Absolute",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","startSchedule":"{{{DateTime.UtcNow.AddSeconds(-1):yyyy-MM-ddTHH:mm:ssZ}}}","chargingSchedulePeriod":[{"startPeriod":0,"limit":15000}]}]}}
            """);
        var signal = await run.CallAsync("AFRRSignal", $$$"""{"timestamp":"{{{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ}}}","signal":-60}""");
        var signalled = DateTimeOffset.UtcNow;
        await run.WaitForPowerAsync(p => Near(p, -6000, 10), seconds: 20);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var boosting = DateTimeOffset.UtcNow;
        var boost = await run.CallAsync("UsePriorityCharging", $$$"""{"transactionId":"{{{transactionId}}}","activate":true}""");
        var boosted = DateTimeOffset.UtcNow;
        var composite = await run.CallAsync("GetCompositeSchedule", """{"evseId":1,"duration":60,"chargingRateUnit":"W"}""");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var unboosting = DateTimeOffset.UtcNow;
        var stop = await run.CallAsync("UsePriorityCharging", $$$"""{"transactionId":"{{{transactionId}}}","activate":false}""");
        var unboosted = DateTimeOffset.UtcNow;

        // K22: the driver asks for priority at the station itself.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var locallyBoosting = DateTimeOffset.UtcNow;
        var localOn = await CliRun.RunAsync("priority", "on", "--socket", socket);
        var locallyBoosted = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var locallyUnboosting = DateTimeOffset.UtcNow;
        var localOff = await CliRun.RunAsync("priority", "off", "--socket", socket);
        var locallyUnboosted = DateTimeOffset.UtcNow;
        var noTransaction = await CliRun.RunAsync("priority", "on", "--evse", "2", "--socket", socket);
        await run.WaitForEndAsync();

        Assert.Empty(peer.StrictValidationFailures);
        Assert.Equal("Accepted", frequency.GetProperty("status").GetString());
        Assert.Equal("Accepted", priority.GetProperty("status").GetString());
        Assert.Equal("Accepted", signal.GetProperty("status").GetString());
        Assert.Equal("Accepted", boost.GetProperty("status").GetString());
        Assert.Equal("Accepted", stop.GetProperty("status").GetString());

        // K21: while priority charging is active, the PriorityCharging profile is the transaction's demand.
        var period = Assert.Single(composite.GetProperty("schedule").GetProperty("chargingSchedulePeriod").EnumerateArray().ToList());
        Assert.Equal(15_000, period.GetProperty("limit").GetDouble());
        Assert.False(period.TryGetProperty("dischargeLimit", out _), "priority charging allows no discharge");

        // The EV: -60 on the curve is -6 kW of discharge; priority charging then charges at the profile's 15 kW; off
        // again, the AFRR discharge resumes.
        var ev = Session(station);
        var afrr = Loops(ev, signalled.AddSeconds(1), boosting).ToList();
        Assert.True(afrr.Count >= 2, Describe(ev.Loops));
        Assert.All(afrr, l => Assert.True(Near(l.Power, -6000), Describe(afrr)));
        var charging = Loops(ev, boosted.AddSeconds(1.5), unboosting);
        Assert.True(charging.Count >= 2, Describe(ev.Loops));
        Assert.All(charging, l => Assert.True(l.MaximumChargePower == 15_000 && l.MaximumDischargePower == 0 && Near(l.Power, 15_000), Describe(charging)));
        Assert.Contains(Loops(ev, unboosted.AddSeconds(1.5), locallyBoosting), l => Near(l.Power, -6000));

        // Locally requested: the same switch, and the CSMS hears of it (NotifyPriorityCharging).
        Assert.True(localOn.Exit == CliExitCodes.Ok && localOff.Exit == CliExitCodes.Ok, $"{localOn}\n{localOff}");
        var local = Loops(ev, locallyBoosted.AddSeconds(1.5), locallyUnboosting);
        Assert.True(local.Count >= 2, Describe(ev.Loops));
        Assert.All(local, l => Assert.True(Near(l.Power, 15_000), Describe(local)));
        Assert.Contains(Loops(ev, locallyUnboosted.AddSeconds(1.5), DateTimeOffset.MaxValue), l => Near(l.Power, -6000));
        var notified = peer.CallsFromStation("NotifyPriorityCharging", run.StationId);
        Assert.Equal([(transactionId, true), (transactionId, false)], notified.Select(n => (n.GetProperty("transactionId").GetString()!, n.GetProperty("activated").GetBoolean())));
        Assert.Equal(CliExitCodes.InvalidInput, noTransaction.Exit);
        Assert.Contains("TxNotFound", noTransaction.Err, StringComparison.Ordinal);

        // transactionInfo.operationMode follows the composite period in force, not the flow's sign: ChargingOnly
        // while charging without a profile, CentralFrequency for the AFRR discharge, ChargingOnly again while priority
        // charging (the PriorityCharging profile's mode) and CentralFrequency once it is off.
        var modes = ChargePoint.Firmware.Tests.Ocpp.PeerTraffic.TransactionEvents(peer, run.StationId, transactionId)
            .Select(e => e.GetProperty("transactionInfo").TryGetProperty("operationMode", out var m) ? m.GetString() : null)
            .Where(m => m is not null).ToList();
        var changes = modes.Where((m, i) => i == 0 || m != modes[i - 1]).ToList();
        Assert.True(changes.Count >= 5 && changes.Take(5).SequenceEqual(["ChargingOnly", "CentralFrequency", "ChargingOnly", "CentralFrequency", "ChargingOnly"]), string.Join(" > ", changes));
        Assert.DoesNotContain("CentralSetpoint", modes);
    }
}
