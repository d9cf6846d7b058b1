using ChargePoint.Hal.Pilot;

namespace ChargePoint.Hal.Tests.Pilot;

public sealed class DutyCycleTests
{
    // IEC 61851-1 Table A.7: duty = I / 0.6 (6…51 A), duty = I / 2.5 + 64 (51…80 A).
    [Theory]
    [InlineData(6, 10.0)]
    [InlineData(10, 16.6667)]
    [InlineData(13, 21.6667)]
    [InlineData(16, 26.6667)]
    [InlineData(20, 33.3333)]
    [InlineData(32, 53.3333)]
    [InlineData(51, 85.0)]
    [InlineData(63, 89.2)]
    [InlineData(70, 92.0)]
    [InlineData(80, 96.0)]
    public void Offered_current_maps_to_the_nominal_duty(double amperes, double dutyPercent) =>
        Assert.Equal(dutyPercent, DutyCycle.PercentForCurrent(amperes), 3);

    [Theory]
    [InlineData(5.9)]
    [InlineData(80.1)]
    [InlineData(double.NaN)]
    public void Currents_outside_6_to_80_A_have_no_duty(double amperes) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DutyCycle.PercentForCurrent(amperes));

    // IEC 61851-1 Table A.8 as the vehicle reads it.
    [Theory]
    [InlineData(0, DutyMeaning.NoCharging, 0)]
    [InlineData(2.9, DutyMeaning.NoCharging, 0)]
    [InlineData(3, DutyMeaning.DigitalCommunication, 0)]
    [InlineData(5, DutyMeaning.DigitalCommunication, 0)]
    [InlineData(7, DutyMeaning.DigitalCommunication, 0)]
    [InlineData(7.5, DutyMeaning.Invalid, 0)]
    [InlineData(8, DutyMeaning.Current, 6)]
    [InlineData(9.9, DutyMeaning.Current, 6)]
    [InlineData(10, DutyMeaning.Current, 6)]
    [InlineData(25, DutyMeaning.Current, 15)]
    [InlineData(50, DutyMeaning.Current, 30)]
    [InlineData(85, DutyMeaning.Current, 51)]
    [InlineData(90, DutyMeaning.Current, 65)]
    [InlineData(96, DutyMeaning.Current, 80)]
    [InlineData(96.5, DutyMeaning.Current, 80)]
    [InlineData(97.5, DutyMeaning.NoCharging, 0)]
    [InlineData(100, DutyMeaning.NoCharging, 0)]
    public void Measured_duty_maps_to_the_allowed_current(double dutyPercent, DutyMeaning meaning, double amperes)
    {
        var interpretation = DutyCycle.Interpret(dutyPercent);

        Assert.Equal(meaning, interpretation.Meaning);
        Assert.Equal(amperes, interpretation.CurrentAmperes, 6);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(51)]
    [InlineData(60)]
    [InlineData(80)]
    public void The_vehicle_reads_back_what_the_station_offered(double amperes)
    {
        var readBack = DutyCycle.Interpret(DutyCycle.PercentForCurrent(amperes));

        Assert.Equal(DutyMeaning.Current, readBack.Meaning);
        Assert.Equal(amperes, readBack.CurrentAmperes, 6);
    }

    [Fact]
    public void Between_51_and_52_5_A_the_two_tables_overlap_and_the_vehicle_reads_less_than_offered()
    {
        // 52 A → 84.8 % by Table A.7, which Table A.8 (≤ 85 % → D × 0.6) reads as 50.88 A: conservative, never more.
        var readBack = DutyCycle.Interpret(DutyCycle.PercentForCurrent(52));

        Assert.Equal(50.88, readBack.CurrentAmperes, 6);
    }

    [Fact]
    public void High_level_communication_uses_five_percent() =>
        Assert.Equal(DutyMeaning.DigitalCommunication, DutyCycle.Interpret(DutyCycle.HighLevelCommunicationPercent).Meaning);
}
