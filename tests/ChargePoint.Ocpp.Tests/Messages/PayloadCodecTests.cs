using System.Text;
using System.Text.Json;
using ChargePoint.Ocpp.Json;
using ChargePoint.Ocpp.Messages;

namespace ChargePoint.Ocpp.Tests.Messages;

/// <summary>Generated writer, reader and validator agree; every JSON-schema keyword maps to its CALLERROR code.</summary>
public sealed class PayloadCodecTests
{
    private const string ValidEvent = """
        {"eventType":"Ended","timestamp":"2026-03-01T10:00:00Z","triggerReason":"EVCommunicationLost","seqNo":4,
         "offline":true,"transactionInfo":{"transactionId":"tx-1","stoppedReason":"EVDisconnected"},
         "evse":{"id":1,"connectorId":1},
         "meterValue":[{"timestamp":"2026-03-01T10:00:00Z","sampledValue":[
            {"value":12.5,"measurand":"Energy.Active.Import.Register","context":"Transaction.End","unitOfMeasure":{"unit":"kWh"}},
            {"value":3.25,"measurand":"Energy.Active.Export.Register","context":"Transaction.End","unitOfMeasure":{"unit":"kWh"}},
            {"value":-7000,"measurand":"Power.Active.Import","context":"Transaction.End"}]}],
         "customData":{"vendorId":"acme","extra":[1,2]}}
        """;

    [Fact]
    public void A_valid_transaction_event_reads_and_writes_back_to_the_same_json()
    {
        using var document = JsonDocument.Parse(ValidEvent);
        var context = new OcppValidationContext();
        Assert.True(OcppPayloadCodec.TryRead<TransactionEventRequest>(document.RootElement, context, out var request), context.ToString());
        Assert.Equal(TransactionEventEnumType.Ended, request.EventType);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), request.Timestamp);
        Assert.True(request.Offline);
        Assert.Equal(-7000, request.MeterValue![0].SampledValue[2].Value);
        Assert.Equal(MeasurandEnumType.Energy_Active_Export_Register, request.MeterValue[0].SampledValue[1].Measurand);
        Assert.True(request.CustomData!.AdditionalProperties!.ContainsKey("extra"));

        using var rewritten = JsonDocument.Parse(OcppPayloadCodec.Serialize(request));
        Assert.True(JsonElement.DeepEquals(document.RootElement, rewritten.RootElement), Encoding.UTF8.GetString(OcppPayloadCodec.Serialize(request)));
    }

    [Theory]
    [InlineData("""{"reason":"PowerUp"}""", OcppErrorCode.OccurrenceConstraintViolation, "/chargingStation")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"vendorName":"v"}}""", OcppErrorCode.OccurrenceConstraintViolation, "/chargingStation/model")]
    [InlineData("""{"reason":"Sunshine","chargingStation":{"model":"m","vendorName":"v"}}""", OcppErrorCode.PropertyConstraintViolation, "/reason")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"123456789012345678901","vendorName":"v"}}""", OcppErrorCode.PropertyConstraintViolation, "/chargingStation/model")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":5,"vendorName":"v"}}""", OcppErrorCode.TypeConstraintViolation, "/chargingStation/model")]
    [InlineData("""{"reason":"PowerUp","chargingStation":{"model":"m","vendorName":"v","colour":"red"}}""", OcppErrorCode.FormatViolation, "/chargingStation/colour")]
    [InlineData("""[1,2]""", OcppErrorCode.TypeConstraintViolation, "")]
    public void Boot_notification_violations_map_to_their_codes(string json, OcppErrorCode code, string path)
        => AssertFirstViolation(OcppPayloadRole.Request, "BootNotification", json, code, path);

    [Theory]
    [InlineData("""{"eventType":"Started","timestamp":"yesterday","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"}}""", OcppErrorCode.TypeConstraintViolation, "/timestamp")]
    [InlineData("""{"eventType":"Started","timestamp":"2026-01-01T00:00:00Z","triggerReason":"Authorized","seqNo":-1,"transactionInfo":{"transactionId":"t"}}""", OcppErrorCode.PropertyConstraintViolation, "/seqNo")]
    [InlineData("""{"eventType":"Started","timestamp":"2026-01-01T00:00:00Z","triggerReason":"Authorized","seqNo":1.5,"transactionInfo":{"transactionId":"t"}}""", OcppErrorCode.TypeConstraintViolation, "/seqNo")]
    [InlineData("""{"eventType":"Started","timestamp":"2026-01-01T00:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"},"meterValue":[]}""", OcppErrorCode.OccurrenceConstraintViolation, "/meterValue")]
    [InlineData("""{"eventType":"Started","timestamp":"2026-01-01T00:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"},"meterValue":[{"timestamp":"2026-01-01T00:00:00Z","sampledValue":[{"value":"1"}]}]}""", OcppErrorCode.TypeConstraintViolation, "/meterValue/0/sampledValue/0/value")]
    [InlineData("""{"eventType":"Started","timestamp":"2026-01-01T00:00:00Z","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"},"offline":"yes"}""", OcppErrorCode.TypeConstraintViolation, "/offline")]
    public void Transaction_event_violations_map_to_their_codes(string json, OcppErrorCode code, string path)
        => AssertFirstViolation(OcppPayloadRole.Request, "TransactionEvent", json, code, path);

    [Fact]
    public void Numeric_maximum_and_max_items_are_enforced()
    {
        // dischargeLimit has "maximum": 0 (discharge limits are never positive); chargingSchedule has maxItems 3.
        const string Period = """{"startPeriod":0,"dischargeLimit":5000}""";
        var schedule = """{"id":1,"chargingRateUnit":"W","chargingSchedulePeriod":[PERIOD]}""".Replace("PERIOD", Period, StringComparison.Ordinal);
        var profile = """{"evseId":1,"chargingProfile":{"id":1,"stackLevel":0,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Absolute","chargingSchedule":[SCHED]}}""";
        AssertFirstViolation(OcppPayloadRole.Request, "SetChargingProfile", profile.Replace("SCHED", schedule, StringComparison.Ordinal), OcppErrorCode.PropertyConstraintViolation, "/chargingProfile/chargingSchedule/0/chargingSchedulePeriod/0/dischargeLimit");

        var okSchedule = schedule.Replace("5000", "-5000", StringComparison.Ordinal);
        AssertFirstViolation(OcppPayloadRole.Request, "SetChargingProfile", profile.Replace("SCHED", string.Join(',', Enumerable.Repeat(okSchedule, 4)), StringComparison.Ordinal), OcppErrorCode.OccurrenceConstraintViolation, "/chargingProfile/chargingSchedule");
        AssertValid(OcppPayloadRole.Request, "SetChargingProfile", profile.Replace("SCHED", okSchedule, StringComparison.Ordinal));
    }

    [Fact]
    public void Custom_data_stays_open_but_its_vendor_id_is_required()
    {
        AssertValid(OcppPayloadRole.Response, "Heartbeat", """{"currentTime":"2026-01-01T00:00:00.123+01:00","customData":{"vendorId":"x","anything":{}}}""");
        AssertFirstViolation(OcppPayloadRole.Response, "Heartbeat", """{"currentTime":"2026-01-01T00:00:00Z","customData":{"anything":{}}}""", OcppErrorCode.OccurrenceConstraintViolation, "/customData/vendorId");
    }

    [Fact]
    public void Date_times_are_written_in_utc_with_z()
    {
        var response = new HeartbeatResponse { CurrentTime = new DateTimeOffset(2026, 1, 1, 1, 0, 0, TimeSpan.FromHours(1)) };
        Assert.Equal("""{"currentTime":"2026-01-01T00:00:00Z"}""", Encoding.UTF8.GetString(OcppPayloadCodec.Serialize(response)));
    }

    [Fact]
    public void A_value_built_in_code_is_checked_against_its_schema_before_sending()
    {
        var tooLong = new BootNotificationRequest
        {
            Reason = BootReasonEnumType.PowerUp,
            ChargingStation = new ChargingStationType { Model = new string('m', 21), VendorName = "v" },
        };
        var context = OcppPayloadCodec.Check(tooLong);
        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, context.First!.Value.Code);
    }

    private static void AssertFirstViolation(OcppPayloadRole role, string action, string json, OcppErrorCode code, string path)
    {
        Assert.True(OcppSchemaCatalog.TryGetValidator(action, role, out var validator));
        using var document = JsonDocument.Parse(json);
        var context = new OcppValidationContext();
        validator(document.RootElement, context);
        Assert.False(context.IsValid);
        Assert.Equal(code, context.First!.Value.Code);
        Assert.Equal(path, context.First.Value.Path);
    }

    private static void AssertValid(OcppPayloadRole role, string action, string json)
    {
        Assert.True(OcppSchemaCatalog.TryGetValidator(action, role, out var validator));
        using var document = JsonDocument.Parse(json);
        var context = new OcppValidationContext();
        validator(document.RootElement, context);
        Assert.True(context.IsValid, context.ToString());
    }
}
