using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Rpc;

/// <summary>Security profile 2: wss, the CSMS certificate checked against the configured root, plus basic auth.</summary>
public sealed class SecurityProfileTests
{
    [Fact]
    public async Task Profile_2_connects_over_tls_to_a_csms_signed_by_the_configured_root()
    {
        using var ca = new TestCertificateAuthority();
        await using var peer = await StrictCsmsPeer.StartAsync(PeerFixture.Password, tlsCert: ca.ServerCertificatePath, tlsKey: ca.ServerKeyPath);
        await using var harness = new RpcHarness(peer, "sp2-ok", o =>
        {
            o.CsmsUrl = peer.Url("wss");
            o.SecurityProfile = 2;
            o.CsmsRootCertificates.Add(ca.Root);
        });
        await harness.WaitConnectedAsync();
        var boot = await harness.Client.CallAsync<BootNotificationRequest, BootNotificationResponse>(
            new BootNotificationRequest { Reason = BootReasonEnumType.PowerUp, ChargingStation = new ChargingStationType { Model = "m", VendorName = "v" } }, CancellationToken.None);
        Assert.True(boot.IsSuccess, boot.ToString());
        Assert.True(peer.Events.Single(e => StrictCsmsPeer.Is(e, "auth")).GetProperty("passwordOk").GetBoolean());
    }

    [Fact]
    public async Task Profile_2_refuses_a_csms_whose_certificate_does_not_chain_to_the_configured_root()
    {
        using var ca = new TestCertificateAuthority();
        using var otherRoot = new TestCertificateAuthority("Some Other Root");
        await using var peer = await StrictCsmsPeer.StartAsync(PeerFixture.Password, tlsCert: ca.ServerCertificatePath, tlsKey: ca.ServerKeyPath);
        await using var harness = new RpcHarness(peer, "sp2-untrusted", o =>
        {
            o.CsmsUrl = peer.Url("wss");
            o.SecurityProfile = 2;
            o.CsmsRootCertificates.Add(otherRoot.Root);
        });
        await Task.Delay(1500);
        Assert.False(harness.Client.IsConnected);
        Assert.DoesNotContain(peer.Events, e => StrictCsmsPeer.Is(e, "auth") || StrictCsmsPeer.Is(e, "connected"));
    }

    [Fact]
    public async Task Profile_3_connects_with_a_client_certificate_the_csms_verifies_and_sends_no_password()
    {
        using var ca = new TestCertificateAuthority();
        await using var peer = await StrictCsmsPeer.StartAsync(tlsCert: ca.ServerCertificatePath, tlsKey: ca.ServerKeyPath, tlsClientCa: ca.RootCertificatePath);
        using var certificate = ca.IssueClientCertificate("sp3-station");
        await using var harness = new RpcHarness(peer, "sp3-ok", o =>
        {
            o.CsmsUrl = peer.Url("wss");
            o.SecurityProfile = 3;
            o.BasicAuthPassword = null;
            o.ClientCertificate = certificate;
            o.CsmsRootCertificates.Add(ca.Root);
        });
        Assert.Null(harness.Options.Validate());
        await harness.WaitConnectedAsync();
        var boot = await harness.Client.CallAsync<BootNotificationRequest, BootNotificationResponse>(
            new BootNotificationRequest { Reason = BootReasonEnumType.PowerUp, ChargingStation = new ChargingStationType { Model = "m", VendorName = "v" } }, CancellationToken.None);
        Assert.True(boot.IsSuccess, boot.ToString());
        var auth = peer.Events.Single(e => StrictCsmsPeer.Is(e, "auth"));
        Assert.Equal("sp3-station", auth.GetProperty("clientCn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, auth.GetProperty("passwordOk").ValueKind);
    }

    [Fact]
    public async Task Profile_3_with_a_client_certificate_from_another_ca_is_refused_by_the_csms()
    {
        using var ca = new TestCertificateAuthority();
        using var otherCa = new TestCertificateAuthority("Some Other Root");
        await using var peer = await StrictCsmsPeer.StartAsync(tlsCert: ca.ServerCertificatePath, tlsKey: ca.ServerKeyPath, tlsClientCa: ca.RootCertificatePath);
        using var certificate = otherCa.IssueClientCertificate("sp3-intruder");
        await using var harness = new RpcHarness(peer, "sp3-refused", o =>
        {
            o.CsmsUrl = peer.Url("wss");
            o.SecurityProfile = 3;
            o.ClientCertificate = certificate;
            o.CsmsRootCertificates.Add(ca.Root);
        });
        await Task.Delay(1500);
        Assert.False(harness.Client.IsConnected);
        Assert.DoesNotContain(peer.Events, e => StrictCsmsPeer.Is(e, "auth") || StrictCsmsPeer.Is(e, "connected"));
    }

    [Theory]
    [InlineData("ws://127.0.0.1:1/ocpp", 2, "wss://")]
    [InlineData("ws://127.0.0.1:1/ocpp", 0, "SecurityProfile")]
    [InlineData("http://127.0.0.1:1/ocpp", 1, "CsmsUrl")]
    public void Invalid_settings_are_named(string url, int profile, string expected)
    {
        var options = new OcppRpcOptions { CsmsUrl = new Uri(url), SecurityProfile = profile, BasicAuthPassword = PeerFixture.Password };
        Assert.Contains(expected, options.Validate(), StringComparison.Ordinal);
    }
}
