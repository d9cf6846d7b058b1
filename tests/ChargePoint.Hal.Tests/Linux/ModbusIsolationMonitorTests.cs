using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Simulated;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The Modbus insulation monitor through a real termios port and pseudo-terminal, against a simulated
/// device answering the ISOMETER channel layout or a generic map.</summary>
public sealed class ModbusIsolationMonitorTests : IDisposable
{
    private static readonly IsolationThresholds Levels = IsolationThresholds.ForRatedVoltage(1000);
    private static readonly IsolationMonitorOptions Isometer = new() { Kind = IsolationMonitorKind.Modbus, UnitAddress = 3 };

    private readonly FakeTimeProvider _time = new();
    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly SerialPort _port;
    private readonly SimulatedModbusDevice _device;
    private readonly ModbusRtuMaster _master;
    private readonly Dictionary<ushort, ushort> _registers = [];

    public ModbusIsolationMonitorTests()
    {
        _port = SerialPort.Open(new SerialPortOptions { Device = _pty.SecondaryPath, BaudRate = 115200 });
        _device = new SimulatedModbusDevice(_pty.Primary, unit: 3)
        {
            HoldingRegister = address => _registers.TryGetValue(address, out var v) ? v : null,
            InputRegister = address => _registers.TryGetValue(address, out var v) ? v : null,
        };
        _master = new ModbusRtuMaster(_port, new ModbusRtuOptions { ResponseTimeout = TimeSpan.FromMilliseconds(150), Retries = 1 }, _time);
    }

    [Theory]
    [InlineData(2_000_000f, 0, IsolationCondition.Valid)]
    [InlineData(300_000f, 0, IsolationCondition.Warning)]
    [InlineData(80_000f, 0, IsolationCondition.Fault)]
    [InlineData(2_000_000f, 5, IsolationCondition.Fault)] // the device's own alarm wins over a high reading
    [InlineData(2_000_000f, 1, IsolationCondition.Warning)]
    public async Task Isometer_readings_are_judged_by_the_worse_of_device_alarm_and_iec_levels(float ohms, int alarmType, IsolationCondition expected)
    {
        SetIsometerChannel(ohms, alarmType);
        using var imd = new ModbusIsolationMonitor(_master, Isometer, _time);
        imd.Start();

        await imd.RefreshAsync();

        var status = imd.ReadStatus(Levels);
        Assert.Equal(expected, status.Condition);
        Assert.Equal(ohms, status.ResistanceOhms);
        Assert.Equal(ohms, imd.ReadIsolationResistanceOhms());
    }

    [Fact]
    public async Task A_silent_device_is_unknown_at_first_and_a_fault_after_the_communication_timeout()
    {
        _device.IsSilent = true;
        using var imd = new ModbusIsolationMonitor(_master, Isometer with { CommunicationTimeout = TimeSpan.FromSeconds(3) }, _time);
        imd.Start();
        await imd.RefreshAsync();
        Assert.Equal(IsolationCondition.Unknown, imd.ReadStatus(Levels).Condition);

        _time.Advance(TimeSpan.FromSeconds(3));

        var status = imd.ReadStatus(Levels);
        Assert.Equal(IsolationCondition.Fault, status.Condition);
        Assert.Contains("No valid reading from insulation monitor unit 3", status.Detail, StringComparison.Ordinal);
        Assert.Contains("Timeout", status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_reading_stops_counting_after_the_communication_timeout()
    {
        SetIsometerChannel(2_000_000f, 0);
        using var imd = new ModbusIsolationMonitor(_master, Isometer with { CommunicationTimeout = TimeSpan.FromSeconds(3) }, _time);
        imd.Start();
        await imd.RefreshAsync();
        _device.IsSilent = true;

        _time.Advance(TimeSpan.FromSeconds(3));

        Assert.Null(imd.ReadIsolationResistanceOhms());
        Assert.Equal(IsolationCondition.Fault, imd.ReadStatus(Levels).Condition);
    }

    [Fact]
    public async Task Generic_map_reads_a_32_bit_input_register_and_an_alarm_register()
    {
        var options = Isometer with { RegisterMap = IsolationRegisterMapKind.Generic, ResistanceRegister = 0x20, ResistanceRegisterCount = 2, UseInputRegisters = true, OhmsPerCount = 1, AlarmRegister = 0x30 };
        _registers[0x20] = 0x0007;
        _registers[0x21] = 0xA120; // 500 000 Ω: warning level
        _registers[0x30] = 0;
        using var imd = new ModbusIsolationMonitor(_master, options, _time);
        imd.Start();

        await imd.RefreshAsync();
        Assert.Equal(IsolationCondition.Warning, imd.ReadStatus(Levels).Condition);
        Assert.Equal(500_000, imd.ReadIsolationResistanceOhms());

        _registers[0x30] = 1;
        await imd.RefreshAsync();
        Assert.Equal(IsolationCondition.Fault, imd.ReadStatus(Levels).Condition);
    }

    [Fact]
    public void Nothing_is_judged_while_not_measuring()
    {
        using var imd = new ModbusIsolationMonitor(_master, Isometer, _time);

        Assert.Equal(IsolationCondition.Unknown, imd.ReadStatus(Levels).Condition);
        Assert.Null(imd.ReadIsolationResistanceOhms());
    }

    public void Dispose()
    {
        _master.Dispose();
        _device.Dispose();
        _port.Dispose();
        _pty.Dispose();
    }

    private void SetIsometerChannel(float ohms, int alarmType)
    {
        var bits = (uint)BitConverter.SingleToInt32Bits(ohms);
        _registers[1000] = (ushort)(bits >> 16);
        _registers[1001] = (ushort)bits;
        _registers[1002] = (ushort)((alarmType << 8) | 0x02);
        _registers[1003] = 71;
    }
}
