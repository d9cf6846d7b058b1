using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Linux.Modbus;

namespace ChargePoint.Hal.Drivers.Eastron;

/// <summary>
/// <see cref="IEnergyMeter"/> for an Eastron SDM630-Modbus V2 on an RS-485 Modbus RTU bus (register map in
/// <see cref="Sdm630Registers"/>). Installed so that its "import" direction is energy flowing towards the vehicle;
/// its import and export registers then map one to one. Values are read in one transaction per sample.
/// </summary>
public sealed class Sdm630Meter(ModbusRtuMaster master, byte unit, TimeProvider time, string meterId) : IEnergyMeter
{
    public string MeterId { get; } = meterId;

    public async ValueTask<MeterReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await master.ReadInputRegistersAsync(unit, Sdm630Registers.BlockStart, Sdm630Registers.BlockLength, cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            var kind = error.Kind switch
            {
                ModbusErrorKind.Timeout => MeterErrorKind.Timeout,
                ModbusErrorKind.DeviceException => MeterErrorKind.DeviceException,
                ModbusErrorKind.CrcError => MeterErrorKind.CommunicationError,
                _ => MeterErrorKind.InvalidResponse,
            };
            return MeterReadResult.Failure(kind, $"SDM630 unit {unit}: {error}");
        }

        ReadOnlySpan<ushort> block = result.Value;
        var power = Sdm630Registers.ReadFloat(block, Sdm630Registers.TotalSystemPowerWatts);
        var current = Sdm630Registers.ReadFloat(block, Sdm630Registers.Phase1CurrentAmperes);
        var reading = new MeterReading(
            time.GetUtcNow(),
            ImportedEnergyWattHours: Sdm630Registers.ReadFloat(block, Sdm630Registers.ImportActiveEnergyKilowattHours) * 1000.0,
            ExportedEnergyWattHours: Sdm630Registers.ReadFloat(block, Sdm630Registers.ExportActiveEnergyKilowattHours) * 1000.0,
            PowerWatts: power,
            VoltageVolts: Sdm630Registers.ReadFloat(block, Sdm630Registers.Phase1VoltageVolts),
            CurrentAmperes: power < 0 ? -Math.Abs(current) : Math.Abs(current));
        return double.IsFinite(reading.ImportedEnergyWattHours) && double.IsFinite(reading.ExportedEnergyWattHours) && double.IsFinite(reading.PowerWatts)
            ? MeterReadResult.Success(reading)
            : MeterReadResult.Failure(MeterErrorKind.InvalidResponse, $"SDM630 unit {unit} returned non-finite values.");
    }
}
