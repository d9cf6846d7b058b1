using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Authorization;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.Authorization;

/// <summary>C10/E05: idTokenInfo in a TransactionEvent answer updates the cache; a refused token ends the transaction.</summary>
public sealed class TransactionEventIdTokenInfoTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public TransactionEventIdTokenInfoTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task A_blocked_token_in_a_transaction_event_answer_is_cached_and_ends_the_transaction_as_deauthorized()
    {
        const string Id = "tx-deauthorized";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        var deauthorized = new List<(int, string)>();
        station.Runtime.TransactionDeauthorized += (evse, tx) => deauthorized.Add((evse, tx));
        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        await _peer.WaitForCallsAsync("TransactionEvent", 1, Id);
        await _peer.RespondAsync("TransactionEvent", new JsonObject { ["idTokenInfo"] = new JsonObject { ["status"] = "Blocked" } }, times: 1);
        var card = new IdTokenType { IdToken = "STOLEN-CARD", Type = "ISO14443" };
        await station.Port.AuthorizedAsync(1, card, CancellationToken.None);

        var events = await _peer.WaitForCallsAsync("TransactionEvent", 3, Id);
        Assert.Equal("Ended", events[2].GetProperty("eventType").GetString());
        Assert.Equal("DeAuthorized", events[2].GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        Assert.Equal("Deauthorized", events[2].GetProperty("triggerReason").GetString());
        Assert.Equal(1, Assert.Single(deauthorized).Item1);
        station.Runtime.DeviceModel.SetInternal("AuthCtrlr", "DisableRemoteAuthorization", "true");
        var decision = await station.Runtime.Authorization.AuthorizeAsync(card, CancellationToken.None);
        Assert.Equal((AuthorizationStatusEnumType.Blocked, AuthorizationSource.Cache), (decision.Status, decision.Source));
        Assert.Empty(_peer.StrictValidationFailures);
    }
}
