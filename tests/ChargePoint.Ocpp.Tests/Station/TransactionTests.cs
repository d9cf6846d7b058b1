using System.Text.Json.Nodes;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Station;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Station;

/// <summary>Transactions with import and export energy, and the CSMS going away in the middle of one.</summary>
public sealed class TransactionTests : IClassFixture<PeerFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly StrictCsmsPeer _peer;

    public TransactionTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task A_v2x_transaction_reports_import_and_export_registers_and_signed_power()
    {
        const string Id = "tx-v2x";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        var port = station.Port;

        port.MeterSample(1, new MeterReading(T0, 1000, 200, 0));
        await port.EvConnectedAsync(1, 1, CancellationToken.None);
        await port.AuthorizedAsync(1, new IdTokenType { IdToken = "EMP77TWTW99999", Type = "eMAID" }, CancellationToken.None);
        port.MeterSample(1, new MeterReading(T0.AddMinutes(10), 3500, 200, 11_000));
        await port.EnergyTransferStartedAsync(1, OperationModeEnumType.ChargingOnly, CancellationToken.None);
        port.MeterSample(1, new MeterReading(T0.AddMinutes(20), 3500, 1800, -7_000));
        await port.EnergyTransferStartedAsync(1, OperationModeEnumType.CentralSetpoint, CancellationToken.None);
        await port.EvDisconnectedAsync(1, CancellationToken.None);

        var events = await _peer.WaitForCallsAsync("TransactionEvent", 5, Id);
        Assert.Equal(["Started", "Updated", "Updated", "Updated", "Ended"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.Equal([0, 1, 2, 3, 4], events.Select(e => e.GetProperty("seqNo").GetInt32()));
        Assert.Single(events.Select(e => e.GetProperty("transactionInfo").GetProperty("transactionId").GetString()).Distinct());
        Assert.Equal("CablePluggedIn", events[0].GetProperty("triggerReason").GetString());
        Assert.Equal("OperationModeChanged", events[3].GetProperty("triggerReason").GetString());
        Assert.Equal("CentralSetpoint", events[3].GetProperty("transactionInfo").GetProperty("operationMode").GetString());

        var ended = events[4];
        Assert.Equal("EVDisconnected", ended.GetProperty("transactionInfo").GetProperty("stoppedReason").GetString());
        var sampled = ended.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray().ToList();
        Assert.Equal(3500, TxAssert.Sampled(sampled, "Energy.Active.Import.Register"));
        Assert.Equal(1800, TxAssert.Sampled(sampled, "Energy.Active.Export.Register"));
        Assert.All(sampled, s => Assert.Equal("Transaction.End", s.GetProperty("context").GetString()));
        Assert.False(ended.TryGetProperty("offline", out _));

        var statuses = _peer.CallsFromStation("StatusNotification", Id).Select(s => s.GetProperty("connectorStatus").GetString()).ToList();
        Assert.Equal(["Available", "Occupied", "Available"], statuses);
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Fact]
    public void Meter_values_carry_signed_import_power_and_positive_export_power_while_discharging()
    {
        var value = MeterValueBuilder.Build(new MeterReading(T0, 10, 20, -7000), ["Power.Active.Import", "Power.Active.Export", "Energy.Active.Export.Register"], ReadingContextEnumType.Sample_Periodic);
        Assert.Equal(-7000, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.Power_Active_Import).Value);
        Assert.Equal(7000, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.Power_Active_Export).Value);
        Assert.Equal(20, value.SampledValue.Single(s => s.Measurand == MeasurandEnumType.Energy_Active_Export_Register).Value);
    }

    [Fact]
    public async Task Csms_going_away_mid_transaction_replays_queued_events_in_order_with_offline_flag()
    {
        // A peer of its own: this test takes the CSMS down.
        await using var peer = await StrictCsmsPeer.StartAsync(PeerFixture.Password);
        const string Id = "tx-offline";
        await using var station = new StationHarness(peer, Id).Start();
        await peer.WaitForCallsAsync("StatusNotification", 1, Id);
        var port = station.Port;
        port.MeterSample(1, new MeterReading(T0, 0, 0, 0));
        await port.EvConnectedAsync(1, 1, CancellationToken.None);
        await peer.WaitForCallsAsync("TransactionEvent", 1, Id);

        await peer.CommandAsync(new JsonObject { ["cmd"] = "down" });
        await TxAssert.WaitUntilAsync(() => !station.Runtime.Rpc.IsConnected);
        port.MeterSample(1, new MeterReading(T0.AddMinutes(5), 4000, 0, 11_000));
        await port.EnergyTransferStartedAsync(1, OperationModeEnumType.ChargingOnly, CancellationToken.None);
        port.MeterSample(1, new MeterReading(T0.AddMinutes(9), 4000, 900, -7_000));
        await port.EnergyTransferStartedAsync(1, OperationModeEnumType.CentralSetpoint, CancellationToken.None);
        await port.EvDisconnectedAsync(1, CancellationToken.None);
        Assert.Equal(3, station.Runtime.Outbox.Count);

        await peer.CommandAsync(new JsonObject { ["cmd"] = "up" });
        var events = await peer.WaitForCallsAsync("TransactionEvent", 4, Id, TimeSpan.FromSeconds(15));
        Assert.Equal([0, 1, 2, 3], events.Select(e => e.GetProperty("seqNo").GetInt32()));
        Assert.Equal(["Started", "Updated", "Updated", "Ended"], events.Select(e => e.GetProperty("eventType").GetString()));
        Assert.False(events[0].TryGetProperty("offline", out _));
        Assert.All(events.Skip(1), e => Assert.True(e.GetProperty("offline").GetBoolean()));
        await TxAssert.WaitUntilAsync(() => station.Runtime.Outbox.Count == 0);
        Assert.Empty(peer.StrictValidationFailures);
    }

    [Fact]
    public async Task A_rejected_transaction_event_is_retried_then_dropped_after_message_attempts()
    {
        const string Id = "tx-retry";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        station.Runtime.DeviceModel.SetInternal("OCPPCommCtrlr", "MessageAttemptInterval", "1", instance: "TransactionEvent");
        station.Runtime.DeviceModel.SetInternal("OCPPCommCtrlr", "MessageAttempts", "2", instance: "TransactionEvent");
        await _peer.CommandAsync(new JsonObject { ["cmd"] = "respondError", ["action"] = "TransactionEvent", ["code"] = "InternalError", ["times"] = 2 });

        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        await station.Port.EvDisconnectedAsync(1, CancellationToken.None);
        var events = await _peer.WaitForCallsAsync("TransactionEvent", 3, Id, TimeSpan.FromSeconds(10));
        Assert.Equal([0, 0, 1], events.Select(e => e.GetProperty("seqNo").GetInt32()));
        await TxAssert.WaitUntilAsync(() => station.Runtime.Outbox.Count == 0);
    }
}
