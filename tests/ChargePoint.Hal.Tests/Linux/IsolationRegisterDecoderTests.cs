using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Modbus;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The ISOMETER measuring-channel layout: float high word first, then AT&amp;T (high byte) and R&amp;U (low byte).</summary>
public sealed class IsolationRegisterDecoderTests
{
    // 1.5e6 as IEEE 754 single precision is 0x49B71B00.
    [Theory]
    [InlineData(0x0002, 1_500_000.0, IsolationCondition.Valid)] // no alarm, unit Ω, actual value
    [InlineData(0x0102, 1_500_000.0, IsolationCondition.Warning)] // pre-warning
    [InlineData(0x0402, 1_500_000.0, IsolationCondition.Warning)] // warning
    [InlineData(0x0502, 1_500_000.0, IsolationCondition.Fault)] // alarm
    [InlineData(0x4002, 1_500_000.0, IsolationCondition.Valid)] // internal test done, no alarm
    [InlineData(0x0082, 1_500_000.0, IsolationCondition.Valid)] // "value is higher": above the range, still a bound
    public void A_channel_decodes_to_ohms_and_the_device_alarm(int attAndRu, double ohms, IsolationCondition alarm)
    {
        var (resistance, deviceAlarm, _) = IsolationRegisterDecoder.DecodeIsometerChannel([0x49B7, 0x1B00, (ushort)attAndRu, 71]);

        Assert.Equal(ohms, resistance);
        Assert.Equal(alarm, deviceAlarm);
    }

    [Theory]
    [InlineData(0x00C2)] // validity 3: invalid value
    [InlineData(0x0004)] // unit V, not Ω
    [InlineData(0x0000)] // unit invalid (initialising)
    public void Invalid_or_foreign_values_give_no_resistance(int attAndRu) =>
        Assert.Null(IsolationRegisterDecoder.DecodeIsometerChannel([0x49B7, 0x1B00, (ushort)attAndRu, 71]).ResistanceOhms);

    [Fact]
    public void A_device_error_is_a_fault_without_a_value()
    {
        var (resistance, alarm, detail) = IsolationRegisterDecoder.DecodeIsometerChannel([0, 0, 0x02C0, 102]);

        Assert.Null(resistance);
        Assert.Equal(IsolationCondition.Fault, alarm);
        Assert.Equal("device error", detail);
    }

    [Fact]
    public void Generic_registers_are_scaled_16_and_32_bit()
    {
        var options = new IsolationMonitorOptions { RegisterMap = IsolationRegisterMapKind.Generic, OhmsPerCount = 1000 };

        Assert.Equal(2_500_000, IsolationRegisterDecoder.DecodeGeneric([2500], options));
        Assert.Equal(70_000 * 10.0, IsolationRegisterDecoder.DecodeGeneric([0x0001, 0x1170], options with { ResistanceRegisterCount = 2, OhmsPerCount = 10 }));
    }
}
