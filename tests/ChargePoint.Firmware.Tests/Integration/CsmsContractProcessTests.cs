using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Tests.Peer;
using static ChargePoint.Firmware.Tests.Ocpp.PeerTraffic;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// The contract of the OCPP issue: <c>chargepoint --simulate --Simulation:Ev=none --Ocpp:CsmsUrl=… --Ocpp:StationId=…
/// --Ocpp:SecurityProfile=1 --Ocpp:BasicAuthPassword=… --Storage:Path=…</c> boots one bidirectional DC EVSE with no EV,
/// connects to the strict CSMS and answers each of its requests with a schema-valid CALLRESULT; a Reset ends the process.
/// </summary>
public sealed class CsmsContractProcessTests
{
    private const string Id = "fw-contract";

    [Fact]
    public async Task The_idle_simulated_station_serves_every_csms_request_and_a_reset_stops_it()
    {
        await using var peer = await StrictCsmsPeer.StartAsync(Password);
        var storage = Directory.CreateTempSubdirectory("cp-contract");
        var process = FirmwareProcess.Start("station", "chargepoint.dll",
            ["--simulate", "--Simulation:Ev=none", $"--Storage:Path={storage.FullName}", .. StationArguments(peer, Id)]);
        try
        {
            var status = (await peer.WaitForCallsAsync("StatusNotification", 1, Id, TimeSpan.FromSeconds(60)))[0];
            Assert.Equal((1, 1, "Available"), (status.GetProperty("evseId").GetInt32(), status.GetProperty("connectorId").GetInt32(), status.GetProperty("connectorStatus").GetString()));
            Assert.Single(peer.CallsFromStation("BootNotification", Id));

            Assert.Equal("Accepted", Status(await Call(peer, "GetBaseReport", """{"requestId":1,"reportBase":"FullInventory"}""")));
            await peer.WaitForAsync(_ => peer.CallsFromStation("NotifyReport", Id).Any(r => !r.TryGetProperty("tbc", out _)), TimeSpan.FromSeconds(20));
            var inventory = peer.CallsFromStation("NotifyReport", Id).SelectMany(r => r.GetProperty("reportData").EnumerateArray()).ToList();
            Assert.Contains(inventory, i => i.GetProperty("component").GetProperty("name").GetString() == "V2XChargingCtrlr"
                && i.GetProperty("variable").GetProperty("name").GetString() == "SupportedEnergyTransferModes"
                && i.GetProperty("variableAttribute")[0].GetProperty("value").GetString()!.Split(',').Contains("DC_BPT"));

            var get = await Call(peer, "GetVariables", """{"getVariableData":[{"component":{"name":"SecurityCtrlr"},"variable":{"name":"SecurityProfile"}}]}""");
            Assert.Equal("1", get.GetProperty("getVariableResult")[0].GetProperty("attributeValue").GetString());
            var set = await Call(peer, "SetVariables", """{"setVariableData":[{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},"attributeValue":"120"}]}""");
            Assert.Equal("Accepted", set.GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
            Assert.Equal("Accepted", Status(await Call(peer, "GetReport", """{"requestId":2,"componentVariable":[{"component":{"name":"OCPPCommCtrlr"}}]}""")));
            Assert.Equal("Accepted", Status(await Call(peer, "TriggerMessage", """{"requestedMessage":"Heartbeat"}""")));
            await peer.WaitForCallsAsync("Heartbeat", 1, Id);
            Assert.Equal("Accepted", Status(await Call(peer, "ChangeAvailability", """{"operationalStatus":"Operative"}""")));
            Assert.Equal("UnknownVendorId", Status(await Call(peer, "DataTransfer", """{"vendorId":"org.example.none"}""")));
            Assert.Equal("Accepted", Status(await Call(peer, "SetNetworkProfile",
                $$$"""{"configurationSlot":1,"connectionData":{"ocppInterface":"Wired0","ocppTransport":"JSON","messageTimeout":30,"ocppCsmsUrl":"{{{peer.Url()}}}","securityProfile":1}}""")));
            Assert.Equal("Accepted", Status(await Call(peer, "GetCompositeSchedule", """{"duration":600,"evseId":1,"chargingRateUnit":"W"}""")));
            Assert.Equal("Accepted", Status(await Call(peer, "SetChargingProfile", """
                {"evseId":1,"chargingProfile":{"id":7,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Relative",
                 "chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000}]}]}}
                """)));
            Assert.Equal("Accepted", Status(await Call(peer, "GetChargingProfiles", """{"requestId":3,"chargingProfile":{"chargingProfilePurpose":"TxDefaultProfile"}}""")));
            Assert.Equal("Accepted", Status(await Call(peer, "ClearChargingProfile", """{"chargingProfileId":7}""")));
            Assert.Equal(0, (await Call(peer, "GetLocalListVersion", "{}")).GetProperty("versionNumber").GetInt32());
            Assert.Equal("Accepted", Status(await Call(peer, "SendLocalList", """{"versionNumber":1,"updateType":"Full","localAuthorizationList":[{"idToken":{"idToken":"TAG-1","type":"ISO14443"},"idTokenInfo":{"status":"Accepted"}}]}""")));
            Assert.Equal("Accepted", Status(await Call(peer, "ClearCache", "{}")));
            Assert.Equal("Accepted", Status(await Call(peer, "RequestStartTransaction", """{"evseId":1,"remoteStartId":5,"idToken":{"idToken":"REMOTE-1","type":"Central"}}""")));
            Assert.Equal("Rejected", Status(await Call(peer, "RequestStopTransaction", """{"transactionId":"no-such-transaction"}""")));

            // No transaction runs (no EV): the OnIdle reset is accepted and the host stops.
            Assert.Equal("Accepted", Status(await Call(peer, "Reset", """{"type":"OnIdle"}""")));
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.Empty(peer.StrictValidationFailures);
        }
        finally
        {
            await process.DisposeAsync(); // kills it if the Reset did not stop it
            storage.Delete(recursive: true);
        }
    }

    private static string? Status(JsonElement result) => result.GetProperty("status").GetString();

    /// <summary>A CSMS request that must be answered with a CALLRESULT (not a CALLERROR); returns its payload.</summary>
    private static async Task<JsonElement> Call(StrictCsmsPeer peer, string action, string payload)
    {
        var answer = await peer.CallAsync(action, JsonNode.Parse(payload)!, Id, TimeSpan.FromSeconds(20));
        Assert.True(StrictCsmsPeer.Is(answer, "callResult"), $"{action}: {answer}");
        return answer.GetProperty("result");
    }
}
