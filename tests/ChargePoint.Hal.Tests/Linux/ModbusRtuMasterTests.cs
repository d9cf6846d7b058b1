using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Hal.Tests.Linux;

/// <summary>The Modbus master on a real termios port, against a simulated device on the pseudo-terminal's other side.</summary>
public sealed class ModbusRtuMasterTests : IDisposable
{
    // Real time over a real pty: the simulated device answers from its own thread, which a loaded CI host (test
    // projects run concurrently on 2 cores) can delay by hundreds of ms, so answering tests allow 3 s; only the
    // silent-device test, which must wait out every timeout, uses the short one.
    private static readonly ModbusRtuOptions Patient = new() { ResponseTimeout = TimeSpan.FromSeconds(3), Retries = 2 };
    private static readonly ModbusRtuOptions Fast = new() { ResponseTimeout = TimeSpan.FromMilliseconds(200), Retries = 2 };

    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly SerialPort _port;
    private readonly SimulatedModbusDevice _device;
    private readonly ModbusRtuMaster _master;
    private readonly Dictionary<ushort, ushort> _holding = new() { [0x10] = 0x1234, [0x11] = 0xABCD };

    public ModbusRtuMasterTests()
    {
        _port = SerialPort.Open(new SerialPortOptions { Device = _pty.SecondaryPath, BaudRate = 115200 });
        _device = new SimulatedModbusDevice(_pty.Primary, unit: 7)
        {
            InputRegister = address => address < 4 ? (ushort)(0x100 + address) : null,
            HoldingRegister = address => _holding.TryGetValue(address, out var v) ? v : null,
            WriteRegister = (address, value) => address < 0x20 && (_holding[address] = value) == value,
        };
        _master = new ModbusRtuMaster(_port, Patient, TimeProvider.System);
    }

    [Fact]
    public async Task Reads_input_registers()
    {
        var result = await _master.ReadInputRegistersAsync(7, 0, 4);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(new ushort[] { 0x100, 0x101, 0x102, 0x103 }, result.Value);
    }

    [Fact]
    public async Task Writes_and_reads_back_holding_registers()
    {
        var write = await _master.WriteMultipleRegistersAsync(7, 0x10, [1, 2]);
        var single = await _master.WriteSingleRegisterAsync(7, 0x12, 3);
        var read = await _master.ReadHoldingRegistersAsync(7, 0x10, 3);

        Assert.True(write.IsSuccess && single.IsSuccess, $"{write.Error} {single.Error}");
        Assert.Equal(new ushort[] { 1, 2, 3 }, read.Value);
    }

    [Fact]
    public async Task A_device_exception_is_a_value_and_not_retried()
    {
        var result = await _master.ReadInputRegistersAsync(7, 3, 2);

        Assert.Equal(ModbusErrorKind.DeviceException, result.Error!.Value.Kind);
        Assert.Equal(0x02, result.Error!.Value.ExceptionCode);
        Assert.Equal(1, _device.RequestsReceived);
    }

    [Fact]
    public async Task A_silent_device_times_out_after_every_retry()
    {
        _device.IsSilent = true;
        using var impatient = new ModbusRtuMaster(_port, Fast, TimeProvider.System);

        var result = await impatient.ReadInputRegistersAsync(7, 0, 1);

        Assert.Equal(ModbusErrorKind.Timeout, result.Error!.Value.Kind);
        SpinWait.SpinUntil(() => _device.RequestsReceived >= 1 + Fast.Retries, TimeSpan.FromSeconds(1));
        Assert.Equal(1 + Fast.Retries, _device.RequestsReceived);
    }

    [Fact]
    public async Task A_corrupted_response_is_retried()
    {
        _device.CorruptNextResponses(1);

        var result = await _master.ReadInputRegistersAsync(7, 0, 2);

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(2, _device.RequestsReceived);
    }

    [Fact]
    public async Task Another_units_request_gets_no_answer()
    {
        using var impatient = new ModbusRtuMaster(_port, Fast, TimeProvider.System);

        var result = await impatient.ReadInputRegistersAsync(8, 0, 1);

        Assert.Equal(ModbusErrorKind.Timeout, result.Error!.Value.Kind);
    }

    public void Dispose()
    {
        _master.Dispose();
        _device.Dispose();
        _port.Dispose();
        _pty.Dispose();
    }
}
