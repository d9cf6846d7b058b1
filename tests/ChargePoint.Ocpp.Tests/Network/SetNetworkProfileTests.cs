using System.Text;
using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Storage;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Security;
using ChargePoint.Ocpp.Tests.Station;
using static ChargePoint.Ocpp.Tests.Network.NetworkProfileJson;

namespace ChargePoint.Ocpp.Tests.Network;

/// <summary>B09 SetNetworkProfile and the NetworkConfigurationPriority checks (A05.FR.10, B09.FR.34) against the strict CSMS.</summary>
public sealed class SetNetworkProfileTests : IClassFixture<PeerFixture>
{
    private const string OtherPassword = "other-csms-password-42";
    private static readonly Uri OtherCsms = new("ws://127.0.0.1:1/other");
    private readonly StrictCsmsPeer _peer;

    public SetNetworkProfileTests(PeerFixture fixture) => _peer = fixture.Peer;

    public static TheoryData<string, int, JsonObject, string> Refused => new()
    {
        { "snp-slot999", 999, Profile(OtherCsms), "InvalidConfSlot" },
        { "snp-slot0", 0, Profile(OtherCsms), "ReadOnly" },
        { "snp-downgrade0", 1, Profile(OtherCsms, securityProfile: 0), "NoSecurityDowngrade" },
        { "snp-soap", 1, Patch(Profile(OtherCsms), "ocppTransport", "SOAP"), "InvalidNetworkConf" },
        { "snp-ocpp16", 1, Patch(Profile(OtherCsms), "ocppVersion", "OCPP16"), "InvalidNetworkConf" },
        { "snp-sp2-ws", 1, Profile(OtherCsms, securityProfile: 2), "InvalidNetworkConf" },
        { "snp-sp3-nocert", 1, Profile(new Uri("wss://127.0.0.1:1/x"), securityProfile: 3), "InvalidNetworkConf" },
        { "snp-timeout0", 1, Profile(OtherCsms, messageTimeout: 0), "InvalidNetworkConf" },
        { "snp-shortpw", 1, Profile(OtherCsms, password: "too-short"), "InvalidNetworkConf" },
        { "snp-http", 1, Profile(new Uri("http://127.0.0.1:1/x")), "InvalidNetworkConf" },
        { "snp-userinfo", 1, Profile(new Uri("ws://user:secret@127.0.0.1:1/x")), "InvalidNetworkConf" },
        { "snp-vpn", 1, Patch(Profile(OtherCsms), "vpn", new JsonObject { ["server"] = "vpn", ["user"] = "u", ["password"] = "p", ["key"] = "k", ["type"] = "IPSec" }), "InvalidNetworkConf" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_profile_the_station_cannot_use_is_rejected_with_its_reason_code_and_nothing_is_stored(string id, int slot, JsonObject data, string reason)
    {
        await using var station = new StationHarness(_peer, id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, id);

        var answer = await _peer.CallAsync("SetNetworkProfile", Request(slot, data), id);
        Assert.Equal(("Rejected", reason), ProfileAnswer(answer));

        // Nothing was stored: slot 1 still cannot be given a priority (B09.FR.34).
        Assert.Equal(("Rejected", "InvalidNetworkConf"), VariableAnswer(await _peer.CallAsync("SetVariables", SetPriority("1,0"), id)));
        Assert.Null(station.Runtime.NetworkProfiles.Endpoint(1));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task An_accepted_profile_is_persisted_with_its_password_only_in_the_0600_secrets_file_and_never_logged()
    {
        const string Id = "snp-accepted";
        var loggers = new CapturingLoggers();
        var storage = Directory.CreateTempSubdirectory("cp-ocpp-").FullName;
        await using (var station = new StationHarness(_peer, Id, storage, loggers).Start())
        {
            await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
            var answer = await _peer.CallAsync("SetNetworkProfile", Request(2, Profile(OtherCsms, password: OtherPassword, identity: "other-id")), Id);
            Assert.Equal(("Accepted", null), ProfileAnswer(answer));

            // A05.FR.10 / B09.FR.34 and the list's own rules.
            Assert.Equal(("Rejected", "InvalidNetworkConf"), VariableAnswer(await _peer.CallAsync("SetVariables", SetPriority("1,0"), Id)));
            Assert.Equal(("Rejected", "InvalidValue"), VariableAnswer(await _peer.CallAsync("SetVariables", SetPriority("2,2"), Id)));
            Assert.Equal("Rejected", VariableAnswer(await _peer.CallAsync("SetVariables", SetPriority("7"), Id)).Status);
            Assert.Equal(("Accepted", null), VariableAnswer(await _peer.CallAsync("SetVariables", SetPriority("0,2"), Id)));
            Assert.Equal("0,2", await GetVariableAsync(_peer, Id, "OCPPCommCtrlr", "NetworkConfigurationPriority"));
            Assert.Equal("0", await GetVariableAsync(_peer, Id, "OCPPCommCtrlr", "ActiveNetworkProfile"));
        }

        await using (var restarted = new StationHarness(_peer, Id, storage, loggers))
        {
            var endpoint = restarted.Runtime.NetworkProfiles.Endpoint(2)!;
            Assert.Equal((OtherCsms, "other-id", 1, OtherPassword), (endpoint.CsmsUrl, endpoint.StationId, endpoint.SecurityProfile, endpoint.BasicAuthPassword));
            Assert.Equal(TimeSpan.FromSeconds(5), endpoint.MessageTimeout);
            Assert.DoesNotContain(OtherPassword, endpoint.ToString(), StringComparison.Ordinal);
        }

        var secrets = Path.Combine(storage, SecretStore.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secrets));
        Assert.Contains(OtherPassword, File.ReadAllText(secrets), StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(storage, "*.db*"))
        {
            Assert.DoesNotContain(OtherPassword, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }

        Assert.NotEmpty(loggers.Entries);
        Assert.DoesNotContain(loggers.Entries, e => e.Contains(OtherPassword, StringComparison.Ordinal));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_valid_profile_that_cannot_be_stored_is_answered_failed_and_the_slot_stays_empty()
    {
        const string Id = "snp-failed";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);

        // The secrets file is written through a temporary file; a directory in its place makes every write fail.
        Directory.CreateDirectory(Path.Combine(station.StoragePath, SecretStore.FileName + ".tmp"));
        var answer = await _peer.CallAsync("SetNetworkProfile", Request(1, Profile(OtherCsms, password: OtherPassword)), Id);
        Assert.Equal(("Failed", "InternalError"), ProfileAnswer(answer));
        Assert.Null(station.Runtime.NetworkProfiles.Endpoint(1));
        Assert.Equal(("Rejected", "InvalidNetworkConf"), VariableAnswer(await _peer.CallAsync("SetVariables", SetPriority("1,0"), Id)));
        Assert.True(station.Runtime.Rpc.IsConnected);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_priority_naming_a_slot_below_the_active_security_profile_is_rejected()
    {
        const string Id = "snp-downgrade";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        Assert.Equal("Accepted", ProfileAnswer(await _peer.CallAsync("SetNetworkProfile", Request(1, Profile(OtherCsms, password: OtherPassword)), Id)).Status);

        // As after an upgrade to security profile 2 (A05): slot 1 (profile 1) may no longer be used.
        station.Runtime.DeviceModel.SetInternal("SecurityCtrlr", "SecurityProfile", "2");
        Assert.Equal(("Rejected", "NoSecurityDowngrade"), VariableAnswer(await _peer.CallAsync("SetVariables", SetPriority("1"), Id)));
        Assert.Equal("0", await GetVariableAsync(_peer, Id, "OCPPCommCtrlr", "NetworkConfigurationPriority"));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    private static JsonObject Patch(JsonObject data, string name, JsonNode value)
    {
        data[name] = value;
        return data;
    }
}
