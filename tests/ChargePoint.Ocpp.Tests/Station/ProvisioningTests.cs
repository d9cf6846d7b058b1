using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Station;

/// <summary>Boot, device model and configuration requests against the strict CSMS.</summary>
public sealed class ProvisioningTests : IClassFixture<PeerFixture>, IAsyncLifetime
{
    private readonly StrictCsmsPeer _peer;

    public ProvisioningTests(PeerFixture fixture) => _peer = fixture.Peer;

    public async Task InitializeAsync() => await _peer.ClearScriptAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Accepted_boot_sets_the_heartbeat_interval_and_reports_every_connector()
    {
        await _peer.RespondAsync("BootNotification", JsonNode.Parse("""{"currentTime":"$now","interval":1,"status":"Accepted"}""")!, times: 1);
        await using var station = new StationHarness(_peer, "prov-accepted").Start();

        var status = await _peer.WaitForCallsAsync("StatusNotification", 1, "prov-accepted");
        Assert.Equal("Available", status[0].GetProperty("connectorStatus").GetString());
        Assert.Equal(1, status[0].GetProperty("evseId").GetInt32());
        Assert.Equal(1, station.Runtime.DeviceModel.GetInt("OCPPCommCtrlr", "HeartbeatInterval"));
        await _peer.WaitForCallsAsync("Heartbeat", 1, "prov-accepted", TimeSpan.FromSeconds(5));

        var boot = _peer.CallsFromStation("BootNotification", "prov-accepted").Single();
        Assert.Equal("PowerUp", boot.GetProperty("reason").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Pending_boot_allows_configuration_refuses_other_requests_and_is_retried_until_accepted()
    {
        const string Id = "prov-pending";
        await _peer.RespondAsync("BootNotification", JsonNode.Parse("""{"currentTime":"$now","interval":1,"status":"Pending"}""")!, times: 1);
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("BootNotification", 1, Id);

        var get = await _peer.CallAsync("GetVariables", JsonNode.Parse("""{"getVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"}}]}""")!, Id);
        Assert.True(StrictCsmsPeer.Is(get, "callResult"), get.ToString());
        var refused = await _peer.CallAsync("ChangeAvailability", JsonNode.Parse("""{"operationalStatus":"Inoperative"}""")!, Id);
        Assert.Equal("SecurityError", refused.GetProperty("code").GetString());
        Assert.Empty(_peer.CallsFromStation("StatusNotification", Id));

        var boots = await _peer.WaitForCallsAsync("BootNotification", 2, Id, TimeSpan.FromSeconds(5));
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        Assert.Equal(2, boots.Count);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Rejected_boot_sends_nothing_else_until_the_interval_passed()
    {
        const string Id = "prov-rejected";
        await _peer.RespondAsync("BootNotification", JsonNode.Parse("""{"currentTime":"$now","interval":2,"status":"Rejected"}""")!, times: 1);
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("BootNotification", 1, Id);
        await Task.Delay(1000);
        Assert.Single(_peer.FramesFromStation(Id));

        var boots = await _peer.WaitForCallsAsync("BootNotification", 2, Id, TimeSpan.FromSeconds(5));
        var times = _peer.Events.Where(e => StrictCsmsPeer.Is(e, "frame") && e.GetProperty("identity").GetString() == Id && e.GetProperty("dir").GetString() == "fromStation")
            .Select(e => e.GetProperty("t").GetDateTimeOffset()).ToList();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(1900), $"retried after {times[1] - times[0]}");
        Assert.Equal(2, boots.Count);
    }

    [Fact]
    public async Task Full_inventory_reports_v2x_components_split_per_items_per_message()
    {
        const string Id = "prov-report";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);

        var answer = await _peer.CallAsync("GetBaseReport", JsonNode.Parse("""{"requestId":7,"reportBase":"FullInventory"}""")!, Id);
        Assert.Equal("Accepted", answer.GetProperty("result").GetProperty("status").GetString());
        var declared = station.Runtime.DeviceModel.Declarations.Count;
        var parts = (declared + 19) / 20;
        var reports = await _peer.WaitForCallsAsync("NotifyReport", parts, Id);
        Assert.Equal(Enumerable.Range(0, parts), reports.Select(r => r.GetProperty("seqNo").GetInt32()));
        Assert.All(reports.SkipLast(1), r => Assert.True(r.GetProperty("tbc").GetBoolean()));
        Assert.False(reports[^1].TryGetProperty("tbc", out _));
        Assert.All(reports, r => Assert.InRange(r.GetProperty("reportData").GetArrayLength(), 1, 20));

        var items = reports.SelectMany(r => r.GetProperty("reportData").EnumerateArray()).ToList();
        Assert.Equal(declared, items.Count);
        string? Value(string component, string variable) => items.Single(i => i.GetProperty("component").GetProperty("name").GetString() == component
            && i.GetProperty("variable").GetProperty("name").GetString() == variable).GetProperty("variableAttribute")[0].TryGetProperty("value", out var v) ? v.GetString() : null;
        Assert.Equal("true", Value("V2XChargingCtrlr", "Enabled"));
        Assert.Contains("DC_BPT", Value("V2XChargingCtrlr", "SupportedEnergyTransferModes")!.Split(','));
        Assert.NotNull(Value("V2XChargingCtrlr", "SupportedOperationModes"));
        var v2x = items.First(i => i.GetProperty("component").GetProperty("name").GetString() == "V2XChargingCtrlr");
        Assert.Equal(1, v2x.GetProperty("component").GetProperty("evse").GetProperty("id").GetInt32());
        Assert.Null(Value("SecurityCtrlr", "BasicAuthPassword"));
        foreach (var component in new[] { "ISO15118Ctrlr", "ConnectedEV", "SmartChargingCtrlr", "SampledDataCtrlr", "AlignedDataCtrlr", "TxCtrlr", "OCPPCommCtrlr", "SecurityCtrlr", "AuthCtrlr", "AuthCacheCtrlr", "LocalAuthListCtrlr", "ClockCtrlr", "DeviceDataCtrlr" })
        {
            Assert.Contains(items, i => i.GetProperty("component").GetProperty("name").GetString() == component);
        }

        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Set_and_get_variables_follow_mutability_and_persist_across_restart()
    {
        const string Id = "prov-vars";
        var storage = Directory.CreateTempSubdirectory("cp-ocpp-").FullName;
        await using (var station = new StationHarness(_peer, Id, storage).Start())
        {
            await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
            var set = await _peer.CallAsync("SetVariables", JsonNode.Parse("""
                {"setVariableData":[
                  {"component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"},"attributeValue":"15"},
                  {"component":{"name":"ChargingStation"},"variable":{"name":"Model"},"attributeValue":"x"},
                  {"component":{"name":"V2XChargingCtrlr","evse":{"id":1}},"variable":{"name":"Enabled"},"attributeValue":"maybe"},
                  {"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"WebSocketPingInterval"},"attributeValue":"60"},
                  {"component":{"name":"NoSuchCtrlr"},"variable":{"name":"X"},"attributeValue":"1"},
                  {"component":{"name":"TxCtrlr"},"variable":{"name":"NoSuchVariable"},"attributeValue":"1"},
                  {"component":{"name":"TxCtrlr"},"variable":{"name":"TxStartPoint"},"attributeValue":"Authorized,EVConnected"}]}
                """)!, Id);
            var statuses = set.GetProperty("result").GetProperty("setVariableResult").EnumerateArray().Select(r => r.GetProperty("attributeStatus").GetString()).ToList();
            Assert.Equal(["Accepted", "Rejected", "Rejected", "RebootRequired", "UnknownComponent", "UnknownVariable", "Accepted"], statuses);
        }

        await using (var restarted = new StationHarness(_peer, Id, storage).Start())
        {
            await _peer.WaitForCallsAsync("StatusNotification", 2, Id);
            var get = await _peer.CallAsync("GetVariables", JsonNode.Parse("""
                {"getVariableData":[
                  {"component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"}},
                  {"component":{"name":"SecurityCtrlr"},"variable":{"name":"BasicAuthPassword"}},
                  {"component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"},"attributeType":"Target"}]}
                """)!, Id);
            var results = get.GetProperty("result").GetProperty("getVariableResult").EnumerateArray().ToList();
            Assert.Equal("15", results[0].GetProperty("attributeValue").GetString());
            Assert.Equal("Rejected", results[1].GetProperty("attributeStatus").GetString());
            Assert.Equal("NotSupportedAttributeType", results[2].GetProperty("attributeStatus").GetString());
        }

        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Reset_trigger_availability_and_data_transfer_are_answered()
    {
        const string Id = "prov-misc";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        // Raised after the CALLRESULT went out, so no peer event need follow it: wait on the event itself.
        var reset = new TaskCompletionSource<ResetEnumType>(TaskCreationOptions.RunContinuationsAsynchronously);
        station.Runtime.Station.ResetRequested += t => reset.TrySetResult(t);

        var trigger = await _peer.CallAsync("TriggerMessage", JsonNode.Parse("""{"requestedMessage":"Heartbeat"}""")!, Id);
        Assert.Equal("Accepted", trigger.GetProperty("result").GetProperty("status").GetString());
        await _peer.WaitForCallsAsync("Heartbeat", 1, Id);
        var bootAgain = await _peer.CallAsync("TriggerMessage", JsonNode.Parse("""{"requestedMessage":"BootNotification"}""")!, Id);
        Assert.Equal("Rejected", bootAgain.GetProperty("result").GetProperty("status").GetString());

        var unavailable = await _peer.CallAsync("ChangeAvailability", JsonNode.Parse("""{"operationalStatus":"Inoperative","evse":{"id":1}}""")!, Id);
        Assert.Equal("Accepted", unavailable.GetProperty("result").GetProperty("status").GetString());
        var statuses = await _peer.WaitForCallsAsync("StatusNotification", 2, Id);
        Assert.Equal("Unavailable", statuses[1].GetProperty("connectorStatus").GetString());

        var data = await _peer.CallAsync("DataTransfer", JsonNode.Parse("""{"vendorId":"com.example.unknown"}""")!, Id);
        Assert.Equal("UnknownVendorId", data.GetProperty("result").GetProperty("status").GetString());

        var resetAnswer = await _peer.CallAsync("Reset", JsonNode.Parse("""{"type":"Immediate"}""")!, Id);
        Assert.Equal("Accepted", resetAnswer.GetProperty("result").GetProperty("status").GetString());
        Assert.Equal(ResetEnumType.Immediate, await reset.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Get_report_criteria_select_whole_components_by_their_active_available_enabled_or_problem_variable()
    {
        const string Id = "prov-criteria";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);

        // No component reports a Problem: nothing to report and no NotifyReport follows.
        var problem = await _peer.CallAsync("GetReport", JsonNode.Parse("""{"requestId":21,"componentCriteria":["Problem"]}""")!, Id);
        Assert.Equal("EmptyResultSet", problem.GetProperty("result").GetProperty("status").GetString());

        // An enabled component is reported with every variable, not only Enabled.
        var enabled = await _peer.CallAsync("GetReport", JsonNode.Parse("""{"requestId":22,"componentCriteria":["Enabled"],"componentVariable":[{"component":{"name":"AuthCacheCtrlr"}}]}""")!, Id);
        Assert.Equal("Accepted", enabled.GetProperty("result").GetProperty("status").GetString());
        var report = await ReportAsync(22, Id);
        Assert.Equal(["Available", "Enabled", "LifeTime", "Policy"], report.Select(i => i.GetProperty("variable").GetProperty("name").GetString()).Order());

        // Enabled implies Available for a component without an Available variable.
        Assert.Equal("Accepted", (await _peer.CallAsync("GetReport", JsonNode.Parse("""{"requestId":23,"componentCriteria":["Available"],"componentVariable":[{"component":{"name":"SampledDataCtrlr"},"variable":{"name":"TxUpdatedInterval"}}]}""")!, Id))
            .GetProperty("result").GetProperty("status").GetString());
        Assert.Equal("TxUpdatedInterval", Assert.Single(await ReportAsync(23, Id)).GetProperty("variable").GetProperty("name").GetString());

        // Once disabled, the component no longer matches.
        await _peer.CallAsync("SetVariables", JsonNode.Parse("""{"setVariableData":[{"component":{"name":"AuthCacheCtrlr"},"variable":{"name":"Enabled"},"attributeValue":"false"}]}""")!, Id);
        var disabled = await _peer.CallAsync("GetReport", JsonNode.Parse("""{"requestId":24,"componentCriteria":["Enabled"],"componentVariable":[{"component":{"name":"AuthCacheCtrlr"}}]}""")!, Id);
        Assert.Equal("EmptyResultSet", disabled.GetProperty("result").GetProperty("status").GetString());
        Assert.DoesNotContain(_peer.CallsFromStation("NotifyReport", Id), r => r.GetProperty("requestId").GetInt32() is 21 or 24);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task On_idle_reset_and_inoperative_wait_for_the_running_transaction_then_happen()
    {
        const string Id = "prov-onidle";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        await _peer.WaitForCallsAsync("TransactionEvent", 1, Id);
        var resets = new List<ResetEnumType>();
        station.Runtime.Station.ResetRequested += resets.Add;

        var evseReset = await _peer.CallAsync("Reset", JsonNode.Parse("""{"type":"Immediate","evseId":1}""")!, Id);
        Assert.Equal("Rejected", evseReset.GetProperty("result").GetProperty("status").GetString());
        var availability = await _peer.CallAsync("ChangeAvailability", JsonNode.Parse("""{"operationalStatus":"Inoperative","evse":{"id":1}}""")!, Id);
        Assert.Equal("Scheduled", availability.GetProperty("result").GetProperty("status").GetString());
        var reset = await _peer.CallAsync("Reset", JsonNode.Parse("""{"type":"OnIdle"}""")!, Id);
        Assert.Equal("Scheduled", reset.GetProperty("result").GetProperty("status").GetString());
        await Task.Delay(300);
        Assert.Empty(resets);
        Assert.NotNull(station.Runtime.Station.Transactions.TransactionId(1));

        // The EV leaves: the transaction ends, the connector turns Unavailable, then the reset happens.
        await station.Port.EvDisconnectedAsync(1, CancellationToken.None);
        await TxAssert.WaitUntilAsync(() => resets.Count == 1);
        Assert.Equal([ResetEnumType.OnIdle], resets);
        var ended = (await _peer.WaitForCallsAsync("TransactionEvent", 2, Id))[1];
        Assert.Equal("Ended", ended.GetProperty("eventType").GetString());
        var statuses = await _peer.WaitForCallsAsync("StatusNotification", 3, Id);
        Assert.Equal("Unavailable", statuses[^1].GetProperty("connectorStatus").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Trigger_message_sends_meter_values_and_a_transaction_event_only_when_there_is_something_to_report()
    {
        const string Id = "prov-trigger";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        async Task<string?> TriggerAsync(string message) =>
            (await _peer.CallAsync("TriggerMessage", new JsonObject { ["requestedMessage"] = message, ["evse"] = new JsonObject { ["id"] = 1 } }, Id)).GetProperty("result").GetProperty("status").GetString();

        Assert.Equal("Rejected", await TriggerAsync("MeterValues")); // no reading yet
        Assert.Equal("Rejected", await TriggerAsync("TransactionEvent")); // no transaction
        Assert.Equal("Rejected", (await _peer.CallAsync("TriggerMessage", JsonNode.Parse("""{"requestedMessage":"MeterValues","evse":{"id":9}}""")!, Id)).GetProperty("result").GetProperty("status").GetString());

        station.Port.MeterSample(1, new global::ChargePoint.Ocpp.Station.MeterReading(DateTimeOffset.UtcNow, 1200, 300, -2500));
        Assert.Equal("Accepted", await TriggerAsync("MeterValues"));
        var meter = (await _peer.WaitForCallsAsync("MeterValues", 1, Id))[0];
        var sampled = meter.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray().ToList();
        Assert.All(sampled, v => Assert.Equal("Trigger", v.GetProperty("context").GetString()));
        Assert.Equal(300, TxAssert.Sampled(sampled, "Energy.Active.Export.Register"));

        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        await _peer.WaitForCallsAsync("TransactionEvent", 1, Id);
        Assert.Equal("Accepted", await TriggerAsync("TransactionEvent"));
        var triggered = (await _peer.WaitForCallsAsync("TransactionEvent", 2, Id))[1];
        Assert.Equal(("Updated", "Trigger"), (triggered.GetProperty("eventType").GetString(), triggered.GetProperty("triggerReason").GetString()));
        Assert.Equal(1, triggered.GetProperty("seqNo").GetInt32());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    private async Task<List<System.Text.Json.JsonElement>> ReportAsync(int requestId, string id)
    {
        await _peer.WaitForAsync(_ => _peer.CallsFromStation("NotifyReport", id).Any(r => r.GetProperty("requestId").GetInt32() == requestId && !r.TryGetProperty("tbc", out _)));
        return [.. _peer.CallsFromStation("NotifyReport", id).Where(r => r.GetProperty("requestId").GetInt32() == requestId).SelectMany(r => r.GetProperty("reportData").EnumerateArray())];
    }
}
