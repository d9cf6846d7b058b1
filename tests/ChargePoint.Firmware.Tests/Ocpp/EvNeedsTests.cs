using ChargePoint.Firmware.Contracts.V2g;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Firmware.Tests.Ocpp;

public sealed class EvNeedsTests
{
    private static readonly EvLimits Limits = new(80_000, 20_000, 200, 60, 320, 410);

    [Fact]
    public void A_dc_bpt_dynamic_session_becomes_schema_valid_charging_needs_with_every_discharge_limit()
    {
        var now = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero);
        var scheduleExchange = Limits with
        {
            DepartureSeconds = 7_200,
            TargetEnergyRequestWattHours = 24_000,
            MaximumEnergyRequestWattHours = 36_000,
            MinimumEnergyRequestWattHours = 0,
            MaximumV2xEnergyRequestWattHours = 36_000,
            MinimumV2xEnergyRequestWattHours = -12_000,
            TargetSocPercent = 120, // out of the schema's range: clamped, never sent as is
        };
        var needs = EvNeeds.From(1, new HlcSessionInfo("urn:iso:std:iso:15118:-20:DC", "DC_BPT", "Dynamic", "EVCC01"), scheduleExchange, 41.6, now);
        var request = EvChargingNeedsMapper.ToRequest(needs, DateTimeOffset.UnixEpoch);

        Assert.True(OcppPayloadCodec.Check(request).IsValid, OcppPayloadCodec.Check(request).ToString());
        Assert.Equal("DC_BPT", request.ChargingNeeds.RequestedEnergyTransfer.ToWire());
        var v2x = request.ChargingNeeds.V2xChargingParameters!;
        Assert.Equal(20_000, v2x.MaxDischargePower);
        Assert.Equal(60, v2x.MaxDischargeCurrent);
        Assert.Equal(80_000, v2x.MaxChargePower);
        Assert.Equal(42, request.ChargingNeeds.DcChargingParameters!.StateOfCharge);
        Assert.Equal(24_000, request.ChargingNeeds.DcChargingParameters.EnergyAmount);
        Assert.Equal(now.AddHours(2), request.ChargingNeeds.DepartureTime);
        Assert.Equal((24_000.0, 36_000.0, 0.0, 36_000.0, -12_000.0, 100),
            (v2x.EvTargetEnergyRequest!.Value, v2x.EvMaxEnergyRequest!.Value, v2x.EvMinEnergyRequest!.Value, v2x.EvMaxV2XEnergyRequest!.Value, v2x.EvMinV2XEnergyRequest!.Value, v2x.TargetSoC!.Value));
    }

    [Fact]
    public void An_emergency_stop_is_reported_on_the_emergency_stop_sensor_and_a_long_detail_is_cut_to_the_schema_limit()
    {
        var estop = FaultEvents.Notification(1, new StationFault(StationFaultKind.EmergencyStop, "pressed", DateTimeOffset.UnixEpoch), 7, DateTimeOffset.UnixEpoch, "tx");
        var other = FaultEvents.Notification(1, new StationFault(StationFaultKind.WeldedContactor, new string('x', 900), DateTimeOffset.UnixEpoch), 8, DateTimeOffset.UnixEpoch, null);

        Assert.Equal("EmergencyStopSensor", estop.EventData[0].Component.Name);
        Assert.Equal("Problem", other.EventData[0].Variable.Name);
        Assert.True(OcppPayloadCodec.Check(estop).IsValid);
        Assert.True(OcppPayloadCodec.Check(other).IsValid, OcppPayloadCodec.Check(other).ToString());
    }
}
