using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Drivers.Eastron;

namespace ChargePoint.Hal.Simulated;

/// <summary>An SDM630 as seen on its RS-485 port: serves the input-register map of <see cref="Sdm630Registers"/>
/// from a reading source (typically a <see cref="SimulatedEnergyMeter"/>), as floats, high word first.</summary>
public sealed class SimulatedSdm630Device : IDisposable
{
    private readonly SimulatedModbusDevice _device;

    public SimulatedSdm630Device(ISerialChannel channel, byte unit, Func<MeterReading> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _device = new SimulatedModbusDevice(channel, unit) { InputRegister = address => Register(source, address) };
    }

    public SimulatedModbusDevice Modbus => _device;

    public void Dispose() => _device.Dispose();

    private static ushort? Register(Func<MeterReading> source, ushort address)
    {
        if (address >= Sdm630Registers.BlockLength)
        {
            return null;
        }

        var reading = source();
        var block = new ushort[Sdm630Registers.BlockLength];
        Sdm630Registers.WriteFloat(block, Sdm630Registers.Phase1VoltageVolts, (float)reading.VoltageVolts);
        Sdm630Registers.WriteFloat(block, Sdm630Registers.Phase1CurrentAmperes, (float)Math.Abs(reading.CurrentAmperes));
        Sdm630Registers.WriteFloat(block, Sdm630Registers.Phase1ActivePowerWatts, (float)reading.PowerWatts);
        Sdm630Registers.WriteFloat(block, Sdm630Registers.TotalSystemPowerWatts, (float)reading.PowerWatts);
        Sdm630Registers.WriteFloat(block, Sdm630Registers.FrequencyHertz, 50f);
        Sdm630Registers.WriteFloat(block, Sdm630Registers.ImportActiveEnergyKilowattHours, (float)(reading.ImportedEnergyWattHours / 1000));
        Sdm630Registers.WriteFloat(block, Sdm630Registers.ExportActiveEnergyKilowattHours, (float)(reading.ExportedEnergyWattHours / 1000));
        return block[address];
    }
}
