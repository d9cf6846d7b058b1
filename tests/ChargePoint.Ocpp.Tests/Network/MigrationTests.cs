using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Security;
using ChargePoint.Ocpp.Tests.Station;
using static ChargePoint.Ocpp.Tests.Network.NetworkProfileJson;

namespace ChargePoint.Ocpp.Tests.Network;

/// <summary>
/// B10 against two strict CSMS processes: the old one (slot 0, the configured profile) and a new one with its own
/// password, reached through a profile the old CSMS set.
/// </summary>
public sealed class MigrationTests
{
    private const string NewPassword = "new-csms-password-0042";

    [Fact]
    public async Task After_priority_change_and_reset_the_station_boots_at_the_new_csms_with_the_new_identity_and_password()
    {
        const string Id = "migrate";
        await using var oldCsms = await StrictCsmsPeer.StartAsync(PeerFixture.Password);
        await using var newCsms = await StrictCsmsPeer.StartAsync(NewPassword);
        var loggers = new CapturingLoggers();
        var storage = Directory.CreateTempSubdirectory("cp-ocpp-").FullName;
        await using (var station = new StationHarness(oldCsms, Id, storage, loggers).Start())
        {
            await oldCsms.WaitForCallsAsync("StatusNotification", 1, Id);
            var reset = new TaskCompletionSource<ResetEnumType>();
            station.Runtime.Station.ResetRequested += t => reset.TrySetResult(t);

            Assert.Equal(("Accepted", null), ProfileAnswer(await oldCsms.CallAsync("SetNetworkProfile", Request(1, Profile(newCsms.Url(), password: NewPassword, identity: "migrated-id")), Id)));
            Assert.Equal(("Accepted", null), VariableAnswer(await oldCsms.CallAsync("SetVariables", SetPriority("1,0"), Id)));
            Assert.Equal("Accepted", (await oldCsms.CallAsync("Reset", JsonNode.Parse("""{"type":"Immediate"}""")!, Id)).GetProperty("result").GetProperty("status").GetString());
            Assert.Equal(ResetEnumType.Immediate, await reset.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        // The host restarts the process on a reset: a new runtime on the same storage (B10.FR.04).
        await using (var rebooted = new StationHarness(oldCsms, Id, storage, loggers).Start())
        {
            await newCsms.WaitForCallsAsync("StatusNotification", 1, "migrated-id");
            var auth = newCsms.Events.Single(e => StrictCsmsPeer.Is(e, "auth"));
            Assert.True(auth.GetProperty("passwordOk").GetBoolean());
            Assert.Single(newCsms.CallsFromStation("BootNotification", "migrated-id"));
            Assert.Equal("1", await GetVariableAsync(newCsms, "migrated-id", "OCPPCommCtrlr", "ActiveNetworkProfile"));
            Assert.Equal("migrated-id", await GetVariableAsync(newCsms, "migrated-id", "SecurityCtrlr", "Identity"));
            Assert.Equal("5", await GetVariableAsync(newCsms, "migrated-id", "OCPPCommCtrlr", "MessageTimeout", "Default"));
        }

        Assert.Equal(1, Attempts(oldCsms, Id)); // the rebooted station went to the new CSMS first
        Assert.DoesNotContain(loggers.Entries, e => e.Contains(NewPassword, StringComparison.Ordinal));
        Assert.Empty(oldCsms.StrictValidationFailures);
        Assert.Empty(newCsms.StrictValidationFailures);
    }

    [Fact]
    public async Task A_first_profile_that_refuses_every_attempt_falls_back_to_the_next_after_network_profile_connection_attempts()
    {
        const string Id = "fallback-boot";
        await using var oldCsms = await StrictCsmsPeer.StartAsync(PeerFixture.Password);
        await using var deadCsms = await StrictCsmsPeer.StartAsync(NewPassword);
        await deadCsms.CommandAsync(new JsonObject { ["cmd"] = "accept", ["value"] = false });
        await using var station = new StationHarness(oldCsms, Id);
        var profiles = station.Runtime.NetworkProfiles;
        var stored = profiles.SetNetworkProfile(new SetNetworkProfileRequest
        {
            ConfigurationSlot = 1,
            ConnectionData = new NetworkConnectionProfileType
            {
                OcppInterface = OCPPInterfaceEnumType.Wired0, OcppTransport = OCPPTransportEnumType.JSON, MessageTimeout = 5,
                OcppCsmsUrl = deadCsms.Url().ToString(), SecurityProfile = 1, BasicAuthPassword = NewPassword,
            },
        });
        Assert.Equal(SetNetworkProfileStatusEnumType.Accepted, stored.Status);
        Assert.Equal(SetVariableStatusEnumType.Accepted, Set(station, "NetworkConfigurationPriority", "1,0"));
        Assert.Equal(SetVariableStatusEnumType.Accepted, Set(station, "NetworkProfileConnectionAttempts", "2"));

        // B10.FR.04 then B10.FR.03: two refused attempts at slot 1, then slot 0.
        station.Start();
        await oldCsms.WaitForCallsAsync("StatusNotification", 1, Id);
        Assert.Equal(2, Attempts(deadCsms, Id));
        Assert.Equal(0, station.Runtime.Rpc.ActiveEndpoint!.Slot);
        Assert.Equal("0", station.Runtime.DeviceModel.GetString("OCPPCommCtrlr", "ActiveNetworkProfile"));
        Assert.Empty(oldCsms.StrictValidationFailures);
    }

    [Fact]
    public async Task When_the_csms_in_use_goes_away_the_station_moves_to_the_next_profile_and_registers_there_without_a_reboot()
    {
        const string Id = "fallback-lost";
        await using var firstCsms = await StrictCsmsPeer.StartAsync(PeerFixture.Password);
        await using var secondCsms = await StrictCsmsPeer.StartAsync(NewPassword);
        await using var station = new StationHarness(firstCsms, Id).Start();
        await firstCsms.WaitForCallsAsync("StatusNotification", 1, Id);
        Assert.Equal("Accepted", ProfileAnswer(await firstCsms.CallAsync("SetNetworkProfile", Request(2, Profile(secondCsms.Url(), password: NewPassword)), Id)).Status);
        Assert.Equal("Accepted", VariableAnswer(await firstCsms.CallAsync("SetVariables", SetPriority("0,2"), Id)).Status);
        Assert.Equal(SetVariableStatusEnumType.Accepted, Set(station, "NetworkProfileConnectionAttempts", "2"));

        await firstCsms.CommandAsync(new JsonObject { ["cmd"] = "down" });

        // B10.FR.03 then B10.FR.10: a BootNotification at the CSMS of the next profile although nothing rebooted.
        await secondCsms.WaitForCallsAsync("StatusNotification", 1, Id, TimeSpan.FromSeconds(15));
        Assert.Single(secondCsms.CallsFromStation("BootNotification", Id));
        Assert.Equal(2, station.Runtime.Rpc.ActiveEndpoint!.Slot);
        Assert.Equal("2", await GetVariableAsync(secondCsms, Id, "OCPPCommCtrlr", "ActiveNetworkProfile"));
        Assert.Empty(secondCsms.StrictValidationFailures);
    }

    private static SetVariableStatusEnumType Set(StationHarness station, string variable, string value) =>
        station.Runtime.DeviceModel.Set(new SetVariableDataType
        {
            AttributeValue = value,
            Component = new ComponentType { Name = "OCPPCommCtrlr" },
            Variable = new VariableType { Name = variable },
        }).AttributeStatus;
}
