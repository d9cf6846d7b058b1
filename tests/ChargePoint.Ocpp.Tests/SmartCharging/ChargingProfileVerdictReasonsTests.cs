using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

public sealed class ChargingProfileVerdictReasonsTests
{
    [Fact]
    public void Every_verdict_maps_to_a_schema_valid_status_info()
    {
        // StatusInfoType: reasonCode maxLength 20, additionalInfo maxLength 1024.
        foreach (var verdict in Enum.GetValues<ChargingProfileVerdict>().Where(v => v != ChargingProfileVerdict.Accepted))
        {
            var code = ChargingProfileVerdictReasons.ReasonCode(verdict);
            var info = ChargingProfileVerdictReasons.AdditionalInfo(verdict);
            Assert.InRange(code.Length, 1, 20);
            Assert.InRange(info.Length, 1, 1024);
            Assert.NotEqual(verdict.ToString(), info);
        }
    }

    [Theory]
    [InlineData(ChargingProfileVerdict.OperationModeNotSupported, "InvalidOperationMode")]
    [InlineData(ChargingProfileVerdict.TransactionNotFound, "TxNotFound")]
    [InlineData(ChargingProfileVerdict.InvalidStackLevel, "InvalidStackLevel")]
    [InlineData(ChargingProfileVerdict.UnsupportedRateUnit, "UnsupportedRateUnit")]
    [InlineData(ChargingProfileVerdict.FirstPeriodNotZero, "InvalidSchedule")]
    [InlineData(ChargingProfileVerdict.DischargeNotSupported, "InvalidValue")]
    [InlineData(ChargingProfileVerdict.DuplicateStackLevel, "DuplicateProfile")]
    [InlineData(ChargingProfileVerdict.UnknownEvse, "UnknownEvse")]
    public void Reason_codes_follow_the_OCPP_vocabulary(ChargingProfileVerdict verdict, string reasonCode) =>
        Assert.Equal(reasonCode, ChargingProfileVerdictReasons.ReasonCode(verdict));
}
