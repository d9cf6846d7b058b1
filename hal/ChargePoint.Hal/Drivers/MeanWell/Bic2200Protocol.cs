using System.Buffers.Binary;
using ChargePoint.Hal.Abstractions;

namespace ChargePoint.Hal.Drivers.MeanWell;

/// <summary>
/// The CAN protocol of the Mean Well BIC-2200 bidirectional power supply, as published in Mean Well's BIC-2200
/// datasheet/manual ("CANBus communication protocol"): CAN 2.0B extended frames at 250 kbit/s; the controller sends
/// to 0x000C03nn and the unit answers from 0x000C02nn (nn = unit address 0…7, 0xFF broadcast). Each frame starts
/// with a 16-bit command code, low byte first, followed by the value, low byte first. A command without a value is
/// a read request; the unit answers with the command code and the value.
/// </summary>
public static class Bic2200Protocol
{
    public const uint ControllerToUnitBase = 0x000C_0300;
    public const uint UnitToControllerBase = 0x000C_0200;
    public const byte BroadcastAddress = 0xFF;

    public const ushort Operation = 0x0000;
    public const ushort VoutSet = 0x0020;
    public const ushort IoutSet = 0x0030;
    public const ushort FaultStatus = 0x0040;
    public const ushort ReadVin = 0x0050;
    public const ushort ReadVout = 0x0060;
    public const ushort ReadIout = 0x0061;
    public const ushort ReadTemperature1 = 0x0062;
    public const ushort ScalingFactor = 0x00C0;
    public const ushort SystemStatus = 0x00C1;
    public const ushort SystemConfig = 0x00C2;

    /// <summary>0 = AC→DC (charging the DC side), 1 = DC→AC (discharging the DC side).</summary>
    public const ushort DirectionControl = 0x0100;
    public const ushort ReverseVoutSet = 0x0120;
    public const ushort ReverseIoutSet = 0x0130;
    public const ushort BidirectionalConfig = 0x0140;

    // FAULT_STATUS bits.
    public const ushort FaultFanFail = 1 << 0;
    public const ushort FaultOverTemperature = 1 << 1;
    public const ushort FaultOverVoltage = 1 << 2;
    public const ushort FaultOverCurrent = 1 << 3;
    public const ushort FaultShortCircuit = 1 << 4;
    public const ushort FaultAcFail = 1 << 5;

    public static CanFrame Write(byte address, ushort command, ushort value)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(data, command);
        BinaryPrimitives.WriteUInt16LittleEndian(data[2..], value);
        return new CanFrame(ControllerToUnitBase | address, true, command == Operation ? data[..3] : data);
    }

    public static CanFrame ReadRequest(byte address, ushort command)
    {
        Span<byte> data = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(data, command);
        return new CanFrame(ControllerToUnitBase | address, true, data);
    }

    public static CanFrame Response(byte address, ushort command, ushort value)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16LittleEndian(data, command);
        BinaryPrimitives.WriteUInt16LittleEndian(data[2..], value);
        return new CanFrame(UnitToControllerBase | address, true, data);
    }

    /// <summary>Command and value of a frame with at least a command code; value 0 for read requests.</summary>
    public static (ushort Command, ushort Value, bool HasValue) Parse(CanFrame frame)
    {
        var data = frame.Data;
        if (data.Length < 2)
        {
            return (0xFFFF, 0, false);
        }

        var command = BinaryPrimitives.ReadUInt16LittleEndian(data);
        return data.Length switch
        {
            >= 4 => (command, BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(2)), true),
            3 => (command, data[2], true),
            _ => (command, 0, false),
        };
    }

    public static PowerModuleFaults ToFaults(ushort status)
    {
        var faults = PowerModuleFaults.None;
        if ((status & FaultFanFail) != 0)
        {
            faults |= PowerModuleFaults.HardwareFault;
        }

        if ((status & FaultOverTemperature) != 0)
        {
            faults |= PowerModuleFaults.OverTemperature;
        }

        if ((status & FaultOverVoltage) != 0)
        {
            faults |= PowerModuleFaults.OutputOverVoltage;
        }

        if ((status & (FaultOverCurrent | FaultShortCircuit)) != 0)
        {
            faults |= PowerModuleFaults.OutputOverCurrent;
        }

        if ((status & FaultAcFail) != 0)
        {
            faults |= PowerModuleFaults.InputFault;
        }

        return faults;
    }
}
