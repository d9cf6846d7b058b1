using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;

namespace ChargePoint.Hal.Linux.Modbus;

/// <summary>
/// Turns the registers of a Modbus insulation monitor into a resistance and the device's own alarm level.
/// IsometerChannel follows the measuring-channel layout published in the ISOMETER manuals ("Modbus register
/// assignment", 4 holding registers per channel from 1000): word 0–1 an IEEE 754 float, high word first; word 2
/// high byte AT&amp;T (bits 0–2 alarm type: 0 none, 1 pre-warning, 2 device error, 4 warning, 5 alarm), low byte
/// R&amp;U (bits 0–4 unit, 2 = Ω; bits 6–7 validity: 0 actual, 1 value is lower, 2 value is higher, 3 invalid).
/// </summary>
public static class IsolationRegisterDecoder
{
    public const int IsometerChannelRegisters = 4;
    private const int UnitOhms = 2;
    private const int ValidityInvalid = 3;

    /// <summary>Registers to read for the configured map.</summary>
    public static int RegisterCount(IsolationMonitorOptions options) =>
        options.RegisterMap == IsolationRegisterMapKind.IsometerChannel ? IsometerChannelRegisters : options.ResistanceRegisterCount;

    /// <summary>Decodes an ISOMETER measuring channel; the resistance is null when the device marks it invalid or
    /// in a unit other than ohms.</summary>
    public static (double? ResistanceOhms, IsolationCondition DeviceAlarm, string Detail) DecodeIsometerChannel(ReadOnlySpan<ushort> registers)
    {
        if (registers.Length < IsometerChannelRegisters)
        {
            throw new ArgumentException("An ISOMETER channel is 4 registers.", nameof(registers));
        }

        var value = BitConverter.Int32BitsToSingle((registers[0] << 16) | registers[1]);
        var alarmAndTest = registers[2] >> 8;
        var rangeAndUnit = registers[2] & 0xFF;
        var alarmType = alarmAndTest & 0x07;
        var alarm = alarmType switch
        {
            0 => IsolationCondition.Valid,
            1 or 4 => IsolationCondition.Warning,
            _ => IsolationCondition.Fault, // 2 device error, 5 alarm, reserved codes: not trusted
        };
        var detail = alarmType switch
        {
            0 => "no device alarm",
            1 => "device pre-warning",
            2 => "device error",
            4 => "device warning",
            5 => "device alarm",
            _ => $"reserved alarm type {alarmType}",
        };
        var valid = (rangeAndUnit & 0x1F) == UnitOhms && rangeAndUnit >> 6 != ValidityInvalid && float.IsFinite(value) && value >= 0;
        return (valid ? value : null, alarm, detail);
    }

    /// <summary>Decodes a generic resistance register (16 or 32 bits, high word first) times its scale.</summary>
    public static double DecodeGeneric(ReadOnlySpan<ushort> registers, IsolationMonitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var raw = options.ResistanceRegisterCount == 2 ? ((uint)registers[0] << 16) | registers[1] : registers[0];
        return raw * options.OhmsPerCount;
    }
}
