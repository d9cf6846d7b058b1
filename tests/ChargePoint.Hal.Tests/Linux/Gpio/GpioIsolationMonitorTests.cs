using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Gpio;

namespace ChargePoint.Hal.Tests.Linux.Gpio;

public sealed class GpioIsolationMonitorTests
{
    private static readonly IsolationThresholds Levels = IsolationThresholds.ForRatedVoltage(1000);
    private static readonly IsolationMonitorOptions Options = new() { Kind = IsolationMonitorKind.Gpio, FaultLine = "IMD_ALARM2", WarningLine = "IMD_ALARM1", EnableLine = "IMD_ENABLE" };

    private readonly FakeGpio _gpio = new();

    [Fact]
    public void Alarm_relays_map_to_the_iec_61851_23_levels_while_measuring()
    {
        using var imd = new GpioIsolationMonitor(_gpio, Options);
        Assert.Equal(IsolationCondition.Unknown, imd.ReadStatus(Levels).Condition);
        Assert.False(_gpio["IMD_ENABLE"].IsAsserted);

        imd.Start();
        Assert.True(_gpio["IMD_ENABLE"].IsAsserted);
        Assert.Equal(IsolationCondition.Valid, imd.ReadStatus(Levels).Condition);

        _gpio["IMD_ALARM1"].SetAsserted(true);
        Assert.Equal(IsolationCondition.Warning, imd.ReadStatus(Levels).Condition);

        _gpio["IMD_ALARM2"].SetAsserted(true);
        var fault = imd.ReadStatus(Levels);
        Assert.Equal(IsolationCondition.Fault, fault.Condition);
        Assert.Contains("IMD_ALARM2", fault.Detail, StringComparison.Ordinal);
        Assert.Null(imd.ReadIsolationResistanceOhms());

        imd.Stop();
        Assert.False(_gpio["IMD_ENABLE"].IsAsserted);
        Assert.Equal(IsolationCondition.Unknown, imd.ReadStatus(Levels).Condition);
    }

    [Fact]
    public void Fail_safe_alarm_contacts_read_a_cut_wire_as_a_fault()
    {
        using var imd = new GpioIsolationMonitor(_gpio, Options with { WarningLine = "" });
        imd.Start();

        _gpio["IMD_ALARM2"].SetPhysical(high: false);

        Assert.Equal(IsolationCondition.Fault, imd.ReadStatus(Levels).Condition);
    }

    [Theory]
    [InlineData(500_001, IsolationCondition.Valid)]
    [InlineData(500_000, IsolationCondition.Warning)]
    [InlineData(100_001, IsolationCondition.Warning)]
    [InlineData(100_000, IsolationCondition.Fault)]
    [InlineData(0, IsolationCondition.Fault)]
    public void Thresholds_are_500_and_100_ohms_per_volt_of_the_rated_voltage(double ohms, IsolationCondition expected) =>
        Assert.Equal(expected, Levels.Classify(ohms));
}
