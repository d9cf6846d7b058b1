using System.Text.Json.Nodes;
using ChargePoint.Ocpp.SmartCharging.Wire;
using ChargePoint.Ocpp.Tests.Peer;
using ChargePoint.Ocpp.Tests.Station;

namespace ChargePoint.Ocpp.Tests.SmartCharging.Wire;

/// <summary>UpdateDynamicSchedule and NotifyEVChargingNeeds against the strict CSMS.</summary>
public sealed class V2xMessagesPeerTests : IClassFixture<PeerFixture>
{
    private readonly StrictCsmsPeer _peer;

    public V2xMessagesPeerTests(PeerFixture fixture) => _peer = fixture.Peer;

    [Fact]
    public async Task Update_dynamic_schedule_changes_the_active_dynamic_profile_and_the_composite_follows()
    {
        const string Id = "v2x-dynamic";
        await using var station = await PeerSmartCharging.StartWithTransactionAsync(_peer, Id);
        var tx = station.Runtime.Station.Transactions.TransactionId(1)!;

        var set = await _peer.CallResultAsync(Id, "SetChargingProfile", $$$"""
            {"evseId":1,"chargingProfile":{"id":31,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Dynamic","transactionId":"{{{tx}}}",
             "chargingSchedule":[{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":10000,"dischargeLimit":-4000,"setpoint":2000,"operationMode":"CentralSetpoint"}]}]}}
            """);
        Assert.Equal("Accepted", set.GetProperty("status").GetString());

        var update = await _peer.CallResultAsync(Id, "UpdateDynamicSchedule", """{"chargingProfileId":31,"scheduleUpdate":{"setpoint":-3000,"dischargeLimit":-6000}}""");
        Assert.Equal("Accepted", update.GetProperty("status").GetString());

        var period = (await _peer.CallResultAsync(Id, "GetCompositeSchedule", """{"duration":300,"evseId":1,"chargingRateUnit":"W"}""")).GetProperty("schedule").GetProperty("chargingSchedulePeriod")[0];
        Assert.Equal((10000d, -6000d, -3000d), (period.GetProperty("limit").GetDouble(), period.GetProperty("dischargeLimit").GetDouble(), period.GetProperty("setpoint").GetDouble()));

        // With V2X switched off the updated (still discharging) profile no longer validates: refused, nothing changes.
        await _peer.CallResultAsync(Id, "SetVariables", """{"setVariableData":[{"attributeValue":"false","component":{"name":"V2XChargingCtrlr","evse":{"id":1}},"variable":{"name":"Enabled"}}]}""");
        var bad = await _peer.CallResultAsync(Id, "UpdateDynamicSchedule", """{"chargingProfileId":31,"scheduleUpdate":{"setpoint":-1000}}""");
        Assert.Equal(("Rejected", "InvalidOperationMode"), (bad.GetProperty("status").GetString(), bad.GetProperty("statusInfo").GetProperty("reasonCode").GetString()));
        var unknown = await _peer.CallResultAsync(Id, "UpdateDynamicSchedule", """{"chargingProfileId":99,"scheduleUpdate":{"limit":1000}}""");
        Assert.Equal("Rejected", unknown.GetProperty("status").GetString());
        var installed = Assert.Single(station.Runtime.SmartCharging.Store.Profiles).Profile.ChargingSchedule[0].ChargingSchedulePeriod[0];
        Assert.Equal((-6000d, -3000d), (installed.DischargeLimit!.Value, installed.Setpoint!.Value));
        Assert.Empty(_peer.StrictValidationFailures);
    }

    [Theory]
    [InlineData("Accepted", ChargingNeedsOutcome.ProfileComing, true)]
    [InlineData("Processing", ChargingNeedsOutcome.Processing, true)]
    [InlineData("Rejected", ChargingNeedsOutcome.Rejected, false)]
    [InlineData("NoChargingProfile", ChargingNeedsOutcome.NoChargingProfile, false)]
    public async Task Charging_needs_carry_every_v2x_field_and_each_answer_maps_to_an_outcome(string status, ChargingNeedsOutcome expected, bool awaitProfile)
    {
        var id = "v2x-needs-" + status;
        await using var station = new StationHarness(_peer, id).Start();
        await _peer.WaitForCallsAsync("StatusNotification", 1, id);
        await _peer.RespondAsync("NotifyEVChargingNeeds", JsonNode.Parse($$$"""{"status":"{{{status}}}","statusInfo":{"reasonCode":"Is{{{status}}}"}}""")!, times: 1);

        var result = await new EvChargingNeedsNotifier(station.Runtime.Rpc, TimeProvider.System).NotifyAsync(Needs, CancellationToken.None);

        Assert.Equal((expected, awaitProfile, "Is" + status), (result.Outcome, result.AwaitProfile, result.ReasonCode));
        var sent = (await _peer.WaitForCallsAsync("NotifyEVChargingNeeds", 1, id)).Single();
        var needs = sent.GetProperty("chargingNeeds");
        Assert.Equal("DC_BPT", needs.GetProperty("requestedEnergyTransfer").GetString());
        Assert.Equal(["DC", "DC_BPT"], needs.GetProperty("availableEnergyTransfer").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("DynamicControl", needs.GetProperty("controlMode").GetString());
        Assert.Equal("EVCC_SECC", needs.GetProperty("mobilityNeedsMode").GetString());
        var v2x = needs.GetProperty("v2xChargingParameters");
        Assert.Equal(24, v2x.EnumerateObject().Count()); // every field of V2XChargingParametersType but customData
        Assert.Equal(11000, v2x.GetProperty("maxDischargePower").GetDouble());
        Assert.Equal(30000, v2x.GetProperty("evMaxV2XEnergyRequest").GetDouble());
        Assert.Equal(125, needs.GetProperty("dcChargingParameters").GetProperty("evMaxCurrent").GetDouble());
        Assert.Empty(_peer.StrictValidationFailures);
    }

    private static readonly EvChargingNeeds Needs = new(1, EnergyTransferMode.DC_BPT)
    {
        AvailableEnergyTransfer = [EnergyTransferMode.DC, EnergyTransferMode.DC_BPT],
        ControlMode = ChargingControlMode.DynamicControl,
        MobilityNeedsMode = MobilityNeedsMode.EVCC_SECC,
        DepartureTime = new DateTimeOffset(2026, 5, 1, 18, 0, 0, TimeSpan.Zero),
        Dc = new DcChargingNeeds(125, 500) { EvMaxPower = 50000, EvEnergyCapacity = 60000, EnergyAmount = 20000, StateOfCharge = 40, FullSoC = 100, BulkSoC = 80 },
        V2x = new V2xChargingNeeds
        {
            MinChargePower = 1000, MinChargePowerL2 = 1001, MinChargePowerL3 = 1002,
            MaxChargePower = 22000, MaxChargePowerL2 = 7000, MaxChargePowerL3 = 7001,
            MinDischargePower = 500, MinDischargePowerL2 = 501, MinDischargePowerL3 = 502,
            MaxDischargePower = 11000, MaxDischargePowerL2 = 3000, MaxDischargePowerL3 = 3001,
            MinChargeCurrent = 2, MaxChargeCurrent = 125, MinDischargeCurrent = 1, MaxDischargeCurrent = 100,
            MinVoltage = 200, MaxVoltage = 500,
            EvTargetEnergyRequest = 20000, EvMinEnergyRequest = 5000, EvMaxEnergyRequest = 40000,
            EvMinV2XEnergyRequest = -10000, EvMaxV2XEnergyRequest = 30000, TargetSoC = 80,
        },
    };

}
