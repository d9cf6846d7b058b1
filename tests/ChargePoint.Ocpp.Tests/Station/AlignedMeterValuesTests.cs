using ChargePoint.Ocpp.Station;
using ChargePoint.Ocpp.Tests.Peer;

namespace ChargePoint.Ocpp.Tests.Station;

/// <summary>J01 clock-aligned meter values: the alignment rule, and the messages at the strict CSMS.</summary>
public sealed class AlignedMeterValuesTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public AlignedMeterValuesTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Theory]
    [InlineData("2026-05-01T08:07:12Z", 900, "2026-05-01T08:15:00Z")]
    [InlineData("2026-05-01T08:15:00Z", 900, "2026-05-01T08:30:00Z")]
    [InlineData("2026-05-01T23:59:59Z", 3600, "2026-05-02T00:00:00Z")]
    [InlineData("2026-05-01T23:10:00Z", 7000, "2026-05-01T23:20:00Z")]
    [InlineData("2026-05-01T23:25:00Z", 7000, "2026-05-02T00:00:00Z")] // 7000 s does not divide a day: restarts at midnight
    public void Samples_are_aligned_to_multiples_of_the_interval_from_midnight(string now, int seconds, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            AlignedMeterValues.NextAlignedTime(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(seconds)));

    [Fact]
    public async Task A_transaction_reports_clock_aligned_values_and_an_idle_evse_queues_meter_values()
    {
        const string Id = "aligned";
        await using var station = new StationHarness(_peer, Id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, Id);
        var model = station.Runtime.DeviceModel;
        model.SetInternal("AlignedDataCtrlr", "Measurands", "Energy.Active.Import.Register,Energy.Active.Export.Register,Power.Active.Import");
        station.Port.MeterSample(1, new MeterReading(DateTimeOffset.UtcNow, 5000, 700, -3000));
        await station.Port.EvConnectedAsync(1, 1, CancellationToken.None);
        model.SetInternal("AlignedDataCtrlr", "Interval", "1");

        await _peer.WaitForAsync(_ => _peer.CallsFromStation("TransactionEvent", Id).Any(e => e.GetProperty("triggerReason").GetString() == "MeterValueClock"));
        var clock = _peer.CallsFromStation("TransactionEvent", Id).First(e => e.GetProperty("triggerReason").GetString() == "MeterValueClock");
        var sampled = clock.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray().ToList();
        Assert.All(sampled, s => Assert.Equal("Sample.Clock", s.GetProperty("context").GetString()));
        Assert.Equal(-3000, TxAssert.Sampled(sampled, "Power.Active.Import"));

        await station.Port.EvDisconnectedAsync(1, CancellationToken.None);
        model.SetInternal("AlignedDataCtrlr", "SendDuringIdle", "true");
        model.SetInternal("OCPPCommCtrlr", "QueueAllMessages", "true");
        var meterValues = (await _peer.WaitForCallsAsync("MeterValues", 1, Id))[0];
        Assert.Equal(1, meterValues.GetProperty("evseId").GetInt32());
        Assert.Equal(5000, TxAssert.Sampled([.. meterValues.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray()], "Energy.Active.Import.Register"));
        model.SetInternal("AlignedDataCtrlr", "Interval", "0");
        Assert.Empty(_peer.StrictValidationFailures);
    }
}
