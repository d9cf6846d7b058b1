using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Rpc;

/// <summary>A CSMS that only speaks OCPP 2.0.1 gets the ocpp2.0.1 subprotocol the station also offers.</summary>
public sealed class SubprotocolFallbackTests
{
    [Fact]
    public async Task Falls_back_to_ocpp201_when_the_csms_does_not_offer_ocpp21()
    {
        await using var peer = await StrictCsmsPeer.StartAsync(PeerFixture.Password, protocols: "ocpp2.0.1");
        await using var harness = new RpcHarness(peer, "fallback-201");
        await harness.WaitConnectedAsync();
        Assert.Equal(OcppRpcClient.Ocpp201, harness.Client.SubProtocol);
        var heartbeat = await harness.Client.CallAsync<HeartbeatRequest, HeartbeatResponse>(new HeartbeatRequest(), CancellationToken.None);
        Assert.True(heartbeat.IsSuccess, heartbeat.ToString());
        Assert.Equal("ocpp2.0.1", peer.Events.Single(e => StrictCsmsPeer.Is(e, "connected")).GetProperty("protocol").GetString());
    }
}
