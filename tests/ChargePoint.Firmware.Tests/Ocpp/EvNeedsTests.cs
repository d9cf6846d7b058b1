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
        var needs = EvNeeds.From(1, new HlcSessionInfo("urn:iso:std:iso:15118:-20:DC", "DC_BPT", "Dynamic", "EVCC01"), Limits, 41.6);
        var request = EvChargingNeedsMapper.ToRequest(needs, DateTimeOffset.UnixEpoch);

        Assert.True(OcppPayloadCodec.Check(request).IsValid, OcppPayloadCodec.Check(request).ToString());
        Assert.Equal("DC_BPT", request.ChargingNeeds.RequestedEnergyTransfer.ToWire());
        var v2x = request.ChargingNeeds.V2xChargingParameters!;
        Assert.Equal(20_000, v2x.MaxDischargePower);
        Assert.Equal(60, v2x.MaxDischargeCurrent);
        Assert.Equal(80_000, v2x.MaxChargePower);
        Assert.Equal(42, request.ChargingNeeds.DcChargingParameters!.StateOfCharge);
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
