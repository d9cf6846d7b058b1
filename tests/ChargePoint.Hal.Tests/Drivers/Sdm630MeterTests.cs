using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.Eastron;
using ChargePoint.Hal.Linux.Modbus;
using ChargePoint.Hal.Linux.Serial;
using ChargePoint.Hal.Simulated;

namespace ChargePoint.Hal.Tests.Drivers;

/// <summary>The SDM630 driver over a real termios port against a simulated SDM630 on the pseudo-terminal's far side.</summary>
public sealed class Sdm630MeterTests : IDisposable
{
    private readonly PseudoTerminal _pty = PseudoTerminal.Open();
    private readonly SerialPort _port;
    private readonly ModbusRtuMaster _master;
    private readonly SimulatedSdm630Device _device;
    private readonly MeterReading _truth = new(default, 12_345.5, 678.25, -7_400, 398.5, -18.6);

    public Sdm630MeterTests()
    {
        _port = SerialPort.Open(new SerialPortOptions { Device = _pty.SecondaryPath, BaudRate = 9600, Parity = SerialParity.Even });
        // A loaded CI host can delay the simulated meter's thread by hundreds of ms: allow 1.5 s per attempt.
        _master = new ModbusRtuMaster(_port, new ModbusRtuOptions { ResponseTimeout = TimeSpan.FromMilliseconds(1500), Retries = 1 }, TimeProvider.System);
        _device = new SimulatedSdm630Device(_pty.Primary, unit: 2, () => _truth);
    }

    [Fact]
    public async Task Reads_registers_voltage_and_signed_power_and_current()
    {
        var meter = new Sdm630Meter(_master, 2, TimeProvider.System, "SDM630-2");

        var result = await meter.ReadAsync();

        var reading = Assert.NotNull(result.Reading);
        Assert.InRange(reading.ImportedEnergyWattHours, 12_345.49, 12_345.51); // float kWh register: ~1 mWh resolution here
        Assert.InRange(reading.ExportedEnergyWattHours, 678.24, 678.26);
        Assert.Equal(-7_400, reading.PowerWatts, 1);
        Assert.Equal(398.5, reading.VoltageVolts, 2);
        Assert.Equal(-18.6, reading.CurrentAmperes, 3);
    }

    [Fact]
    public async Task A_meter_that_stops_answering_reports_a_timeout_value()
    {
        var meter = new Sdm630Meter(_master, 2, TimeProvider.System, "SDM630-2");
        _device.Modbus.IsSilent = true;

        var result = await meter.ReadAsync();

        Assert.Equal(MeterErrorKind.Timeout, result.Error!.Value.Kind);
    }

    [Fact]
    public void Floats_travel_high_word_first_as_in_the_register_map()
    {
        // 230.0 V = 0x43660000: register 0x0000 holds 0x4366, register 0x0001 holds 0x0000.
        var block = new ushort[Sdm630Registers.BlockLength];
        Sdm630Registers.WriteFloat(block, Sdm630Registers.Phase1VoltageVolts, 230f);

        Assert.Equal(0x4366, block[0]);
        Assert.Equal(0x0000, block[1]);
        Assert.Equal(Convert.FromHexString("43660000"), Sdm630Registers.ToWireBytes(230f));
        Assert.Equal(230f, Sdm630Registers.ReadFloat(block, 0));
    }

    public void Dispose()
    {
        _device.Dispose();
        _master.Dispose();
        _port.Dispose();
        _pty.Dispose();
    }
}
