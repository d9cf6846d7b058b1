using System.Text;
using System.Text.Json;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Ocpp.Tests.SmartCharging.Wire;

public sealed class ChargingProfileWireMapperTests
{
    /// <summary>Every field the domain models, set to a non-default value (read through the schema-checked codec).</summary>
    private const string FullRequest = """
        {"evseId":1,"chargingProfile":{"id":7,"stackLevel":3,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Recurring",
         "recurrencyKind":"Weekly","validFrom":"2026-05-01T08:00:00Z","validTo":"2026-06-01T08:00:00Z","transactionId":"tx-9",
         "maxOfflineDuration":600,"invalidAfterOfflineDuration":true,"dynUpdateInterval":30,"dynUpdateTime":"2026-05-01T09:00:00Z",
         "chargingSchedule":[{"id":2,"startSchedule":"2026-05-01T08:00:00Z","duration":7200,"chargingRateUnit":"W","minChargingRate":1000,
           "limitAtSoC":{"soc":80,"limit":5000},"powerTolerance":5,"useLocalTime":true,"randomizedDelay":60,
           "chargingSchedulePeriod":[
             {"startPeriod":0,"limit":11000,"limit_L2":3000,"limit_L3":3100,"dischargeLimit":-7000,"dischargeLimit_L2":-2000,"dischargeLimit_L3":-2100,
              "setpoint":-5000,"setpoint_L2":-1500,"setpoint_L3":-1600,"setpointReactive":100,"setpointReactive_L2":40,"setpointReactive_L3":41,
              "numberPhases":1,"phaseToUse":2,"preconditioningRequest":true,"evseSleep":false,"v2xBaseline":200,"operationMode":"LocalFrequency",
              "v2xFreqWattCurve":[{"frequency":49.8,"power":-3000},{"frequency":50.2,"power":3000}],
              "v2xSignalWattCurve":[{"signal":-100,"power":-4000},{"signal":100,"power":4000}]},
             {"startPeriod":1800,"limit":4000,"operationMode":"Idle"}]}]}}
        """;

    [Fact]
    public void A_full_profile_survives_wire_to_domain_to_wire_unchanged()
    {
        var request = Read<SetChargingProfileRequest>(FullRequest);

        var domain = ChargingProfileWireMapper.ToDomain(request.ChargingProfile);
        var back = request with { ChargingProfile = ChargingProfileWireMapper.ToWire(domain) };

        Assert.Equal(Json(request), Json(back));
    }

    [Fact]
    public void Wire_values_land_in_the_matching_domain_fields()
    {
        var profile = ChargingProfileWireMapper.ToDomain(Read<SetChargingProfileRequest>(FullRequest).ChargingProfile);

        Assert.Equal((7, 3, ChargingProfilePurpose.TxProfile, ChargingProfileKind.Recurring, RecurrencyKind.Weekly, "tx-9"),
            (profile.Id, profile.StackLevel, profile.ChargingProfilePurpose, profile.ChargingProfileKind, profile.RecurrencyKind, profile.TransactionId));
        var schedule = Assert.Single(profile.ChargingSchedule);
        Assert.Equal(ChargingRateUnit.W, schedule.ChargingRateUnit);
        Assert.Equal(new LimitAtSoC(80, 5000), schedule.LimitAtSoC);
        var first = schedule.ChargingSchedulePeriod[0];
        Assert.Equal((11000d, 3000d, -7000d, -2100d, -5000d, 41d), (first.Limit, first.LimitL2, first.DischargeLimit, first.DischargeLimitL3, first.Setpoint, first.SetpointReactiveL3));
        Assert.Equal(OperationMode.LocalFrequency, first.OperationMode);
        Assert.Equal([new V2xFreqWattPoint(49.8, -3000), new V2xFreqWattPoint(50.2, 3000)], first.V2xFreqWattCurve.ToArray());
        Assert.Equal([new V2xSignalWattPoint(-100, -4000), new V2xSignalWattPoint(100, 4000)], first.V2xSignalWattCurve.ToArray());
        Assert.Equal((1800, OperationMode.Idle, (double?)null), (schedule.ChargingSchedulePeriod[1].StartPeriod, schedule.ChargingSchedulePeriod[1].OperationMode, schedule.ChargingSchedulePeriod[1].DischargeLimit));
        Assert.True(schedule.ChargingSchedulePeriod[1].V2xFreqWattCurve.IsEmpty);
    }

    [Fact]
    public void Every_enum_member_maps_both_ways()
    {
        RoundTrips<ChargingProfilePurpose, ChargingProfilePurposeEnumType>(p => ChargingProfileWireMapper.ToWire(Profile(p)).ChargingProfilePurpose, w => w.ToWire());
        RoundTrips<OperationMode, OperationModeEnumType>(
            m => ChargingProfileWireMapper.ToWire(new ChargingSchedulePeriod(0) { OperationMode = m }).OperationMode!.Value, w => w.ToWire());
        RoundTrips<ChargingRateUnit, ChargingRateUnitEnumType>(ChargingProfileWireMapper.RateUnit, w => w.ToWire());
        RoundTrips<ChargingProfileKind, ChargingProfileKindEnumType>(k => ChargingProfileWireMapper.ToWire(Profile(ChargingProfilePurpose.TxDefaultProfile) with { ChargingProfileKind = k }).ChargingProfileKind, w => w.ToWire());
        RoundTrips<RecurrencyKind, RecurrencyKindEnumType>(r => ChargingProfileWireMapper.ToWire(Profile(ChargingProfilePurpose.TxDefaultProfile) with { RecurrencyKind = r }).RecurrencyKind!.Value, w => w.ToWire());
    }

    [Fact]
    public void Composite_periods_omit_the_defaults_and_keep_discharge_values()
    {
        var schedule = new CompositeSchedule(1, new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero), 3600, ChargingRateUnit.W,
        [
            new CompositePeriod { StartPeriod = 0, Limit = 11000, DischargeLimit = 0 },
            new CompositePeriod { StartPeriod = 600, Limit = 11000, DischargeLimit = -7000, Setpoint = -5000, OperationMode = OperationMode.CentralSetpoint },
        ]);

        var wire = SmartChargingRequestMapper.ToWire(schedule);
        var json = Json(new GetCompositeScheduleResponse { Status = GenericStatusEnumType.Accepted, Schedule = wire });

        Assert.Contains("""
            "chargingSchedulePeriod":[{"startPeriod":0,"limit":11000},{"startPeriod":600,"limit":11000,"dischargeLimit":-7000,"setpoint":-5000,"operationMode":"CentralSetpoint"}]
            """.Trim(), json, StringComparison.Ordinal);
        Assert.Equal((1, 3600, ChargingRateUnitEnumType.W), (wire.EvseId, wire.Duration, wire.ChargingRateUnit));
    }

    [Fact]
    public void Clear_and_get_criteria_carry_every_field()
    {
        var clear = SmartChargingRequestMapper.ToCriteria(Read<ClearChargingProfileRequest>(
            """{"chargingProfileId":5,"chargingProfileCriteria":{"evseId":2,"chargingProfilePurpose":"TxDefaultProfile","stackLevel":4}}"""));
        Assert.Equal(new ClearChargingProfileCriteria { ChargingProfileId = 5, EvseId = 2, ChargingProfilePurpose = ChargingProfilePurpose.TxDefaultProfile, StackLevel = 4 }, clear);

        var get = SmartChargingRequestMapper.ToCriteria(Read<GetChargingProfilesRequest>(
            """{"requestId":1,"evseId":0,"chargingProfile":{"chargingProfilePurpose":"ChargingStationMaxProfile","stackLevel":1,"chargingProfileId":[3,4],"chargingLimitSource":["EMS"]}}"""));
        Assert.Equal((0, ChargingProfilePurpose.ChargingStationMaxProfile, 1), (get.EvseId!.Value, get.ChargingProfilePurpose!.Value, get.StackLevel!.Value));
        Assert.Equal([3, 4], get.ChargingProfileId.ToArray());
        Assert.Equal(["EMS"], get.ChargingLimitSource.ToArray());
    }

    private static ChargingProfile Profile(ChargingProfilePurpose purpose) =>
        new(1, 0, purpose, ChargingProfileKind.Relative, [new ChargingSchedule(1, ChargingRateUnit.A, [new ChargingSchedulePeriod(0) { Limit = 16 }])]);

    /// <summary>Domain -> wire gives the wire member of the same schema string, for every domain member and no wire member left out.</summary>
    private static void RoundTrips<TDomain, TWire>(Func<TDomain, TWire> toWire, Func<TWire, string> wireString)
        where TDomain : struct, Enum
        where TWire : struct, Enum
    {
        Assert.Equal(Enum.GetValues<TWire>().Length, Enum.GetValues<TDomain>().Length);
        foreach (var member in Enum.GetValues<TDomain>())
        {
            Assert.Equal(member.ToString(), wireString(toWire(member)));
        }
    }

    private static T Read<T>(string json)
        where T : IOcppJsonObject<T>
    {
        using var document = JsonDocument.Parse(json);
        var context = new OcppValidationContext();
        Assert.True(OcppPayloadCodec.TryRead<T>(document.RootElement.Clone(), context, out var value), context.ToString());
        return value!;
    }

    private static string Json<T>(T value)
        where T : IOcppJsonObject<T> => Encoding.UTF8.GetString(OcppFrameWriter.CheckedPayload(value));
}
