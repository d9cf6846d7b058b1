using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Station;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Station;

/// <summary>E17: a transaction open when the station stopped without ending it is ended (PowerLoss) or resumed.</summary>
public sealed class TransactionRecoveryTests : IClassFixture<PeerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly StrictCsmsPeer _peer;

    public TransactionRecoveryTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task An_interrupted_transaction_is_ended_with_power_loss_and_the_last_registers_on_restart()
    {
        const string Id = "tx-powerloss";
        var storage = await RunInterruptedTransactionAsync(Id, resumptionTimeout: null);

        await using var restarted = new StationHarness(_peer, Id, storage).Start();
        var recovered = Assert.Single(restarted.Runtime.Station.Transactions.Recovered);
        Assert.False(recovered.Resumed);
        var events = await _peer.WaitForCallsAsync("TransactionEvent", 3, Id);
        var ended = events[2];
        Assert.Equal("Ended", ended.GetProperty("eventType").GetString());
        Assert.Equal(2, ended.GetProperty("seqNo").GetInt32());
        Assert.Equal(recovered.TransactionId, ended.GetProperty("transactionInfo").GetProperty("transactionId").GetString());
        Assert.Equal("PowerLoss", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        Assert.Equal("AbnormalCondition", ended.GetProperty("triggerReason").GetString());
        var sampled = ended.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray().ToList();
        Assert.Equal(3500, TxAssert.Sampled(sampled, "Energy.Active.Import.Register"));
        Assert.Equal(900, TxAssert.Sampled(sampled, "Energy.Active.Export.Register"));
        Assert.Null(restarted.Runtime.Station.Transactions.TransactionId(1));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public async Task Within_tx_resumption_timeout_the_transaction_resumes_and_ends_normally_later()
    {
        const string Id = "tx-resume";
        var storage = await RunInterruptedTransactionAsync(Id, resumptionTimeout: 600);

        await using var restarted = new StationHarness(_peer, Id, storage).Start();
        var recovered = Assert.Single(restarted.Runtime.Station.Transactions.Recovered);
        Assert.True(recovered.Resumed);
        Assert.Equal(recovered.TransactionId, restarted.Runtime.Station.Transactions.TransactionId(1));
        await restarted.Port.EvDisconnectedAsync(1, CancellationToken.None);

        var events = await _peer.WaitForCallsAsync("TransactionEvent", 4, Id);
        Assert.Equal(["Started", "Updated", "Updated", "Ended"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.Equal("TxResumed", events[2].GetProperty("triggerReason").GetString());
        Assert.Equal([0, 1, 2, 3], events.Select(e => e.GetProperty("seqNo").GetInt32()));
        Assert.Single(events.Select(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString()).Distinct());
        Assert.Equal("EVDisconnected", events[3].GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    /// <summary>Starts a transaction, reports a later reading with an event, then stops the runtime without ending it.</summary>
    private async Task<string> RunInterruptedTransactionAsync(string id, int? resumptionTimeout)
    {
        string storage;
        await using (var station = new StationHarness(_peer, id).Start())
        {
            storage = station.StoragePath;
            if (resumptionTimeout is { } timeout)
            {
                station.Runtime.DeviceModel.SetInternal("TxCtrlr", "TxResumptionTimeout", timeout.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            await _peer.WaitForCallsAsync("StatusNotification", 1, id);
            station.Port.MeterSample(1, new MeterReading(T0, 1000, 200, 0));
            await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
            station.Port.MeterSample(1, new MeterReading(T0.AddMinutes(10), 3500, 900, -7000));
            await station.Port.EnergyTransferStartedAsync(1, OperationModeEnumType.CentralSetpoint, CancellationToken.None);
            await _peer.WaitForCallsAsync("TransactionEvent", 2, id);
            await TxAssert.WaitUntilAsync(() => station.Runtime.Outbox.Count == 0);
        }

        return storage;
    }
}
