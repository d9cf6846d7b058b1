using System.Text;
using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Storage;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.Security;

/// <summary>Secrets live in their own 0600 file and never in logs or the database; A04 security events reach the CSMS.</summary>
public sealed class SecretsAndSecurityEventsTests : IClassFixture<PeerFixture>
{
    private const string NewPassword = "rotated-Secret-0987654321";
    private readonly StrictCsmsPeer _peer;

    public SecretsAndSecurityEventsTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task A_password_set_by_the_csms_goes_to_the_0600_secrets_file_only_and_no_log_shows_a_password()
    {
        const string Id = "secrets";
        var loggers = new CapturingLoggers();
        string storage;
        await using (var station = new StationHarness(_peer, Id, loggers: loggers).Start())
        {
            storage = station.StoragePath;
            await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
            var answer = await _peer.CallAsync("SetVariables", new JsonObject
            {
                ["setVariableData"] = new JsonArray(new JsonObject
                {
                    ["attributeValue"] = NewPassword,
                    ["component"] = new JsonObject { ["name"] = "SecurityCtrlr" },
                    ["variable"] = new JsonObject { ["name"] = "BasicAuthPassword" },
                }),
            }, Id);
            Assert.Equal("RebootRequired", answer.GetProperty("result").GetProperty("setVariableResult")[0].GetProperty("attributeStatus").GetString());
            var events = await _peer.WaitForCallsAsync("SecurityEventNotification", 2, Id);
            Assert.Equal(["StartupOfTheDevice", "ReconfigurationOfSecurityParameters"], events.Select(e => e.GetProperty("type").GetString()));
        }

        var secrets = Path.Combine(storage, SecretStore.FileName);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(secrets));
        Assert.Contains(NewPassword, File.ReadAllText(secrets), StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(storage, "*.db*"))
        {
            Assert.DoesNotContain(NewPassword, Encoding.UTF8.GetString(File.ReadAllBytes(file)), StringComparison.Ordinal);
        }

        // After a restart the station dials with the password the CSMS set.
        await using (var restarted = new StationHarness(_peer, Id, storage, loggers))
        {
            Assert.Equal(NewPassword, restarted.Options.BasicAuthPassword);
        }

        Assert.NotEmpty(loggers.Entries);
        Assert.DoesNotContain(loggers.Entries, e => e.Contains(NewPassword, StringComparison.Ordinal) || e.Contains(PeerFixture.Password, StringComparison.Ordinal));
        Assert.DoesNotContain(_peer.CallsFromStation("SecurityEventNotification", Id), e => e.GetRawText().Contains(NewPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_password_is_reported_once_as_failed_to_authenticate_when_the_csms_is_reachable_again()
    {
        const string Id = "security-401";
        var loggers = new CapturingLoggers();
        await using var station = new StationHarness(_peer, Id, loggers: loggers, configure: o => o.BasicAuthPassword = "wrong-password-000000").Start();
        await _peer.WaitForAsync(e => StrictCsmsPeer.Is(e, "auth") && e.GetProperty("identity").GetString() == Id && !e.GetProperty("passwordOk").GetBoolean());
        await _peer.WaitForAsync(_ => _peer.Events.Count(e => StrictCsmsPeer.Is(e, "auth") && e.GetProperty("identity").GetString() == Id) >= 2);
        station.Options.BasicAuthPassword = PeerFixture.Password;

        var events = await _peer.WaitForCallsAsync("SecurityEventNotification", 2, Id);
        await Task.Delay(200);
        var types = _peer.CallsFromStation("SecurityEventNotification", Id).Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(["StartupOfTheDevice", "FailedToAuthenticateAtCsms"], types);
        Assert.DoesNotContain(loggers.Entries, e => e.Contains("wrong-password-000000", StringComparison.Ordinal));
        Assert.Empty(_peer.StrictValidationFailures);
    }
}
