using ChargePoint.Hal.Linux.Serial;

namespace ChargePoint.Hal.Configuration;

/// <summary>The DC insulation monitor. Section "Hardware:IsolationMonitor". The IEC 61851-23 levels themselves
/// are judged in the HAL (Safety:IsolationWarningOhms and Safety:IsolationFaultOhms); a device's own alarms count
/// too, whichever is worse.</summary>
public sealed record IsolationMonitorOptions
{
    public IsolationMonitorKind Kind { get; init; } = IsolationMonitorKind.None;

    /// <summary>Gpio: input asserted while the device signals an insulation fault (alarm 2).</summary>
    public string FaultLine { get; init; } = "";

    /// <summary>Gpio: input asserted while the device signals a pre-warning (alarm 1); empty when not wired.</summary>
    public string WarningLine { get; init; } = "";

    /// <summary>Gpio: alarm contacts that open on alarm (fail-safe relays) read low when asserted.</summary>
    public bool AlarmActiveLow { get; init; } = true;

    /// <summary>Gpio or Modbus: output that connects or enables the device while measuring; empty when it measures
    /// all the time.</summary>
    public string EnableLine { get; init; } = "";

    /// <summary>Modbus: the device's own serial port; leave Device empty to share the meter's RS-485 bus.</summary>
    public SerialPortOptions Serial { get; init; } = new() { Device = "", BaudRate = 19200, Rs485 = true };

    /// <summary>Modbus: unit address (1…247).</summary>
    public byte UnitAddress { get; init; } = 3;

    public IsolationRegisterMapKind RegisterMap { get; init; } = IsolationRegisterMapKind.IsometerChannel;

    /// <summary>Modbus: first register (IsometerChannel: the channel's float, 1000 for channel 1; Generic: the
    /// resistance register).</summary>
    public ushort ResistanceRegister { get; init; } = 1000;

    /// <summary>Generic: 1 for a 16-bit, 2 for a 32-bit (high word first) resistance register.</summary>
    public int ResistanceRegisterCount { get; init; } = 1;

    /// <summary>Generic: read with function 4 (input registers) instead of 3 (holding registers).</summary>
    public bool UseInputRegisters { get; init; }

    /// <summary>Generic: ohms per count (e.g. 1000 for a register in kΩ).</summary>
    public double OhmsPerCount { get; init; } = 1000;

    /// <summary>Generic: register whose non-zero value means the device signals an insulation alarm; -1 when none.</summary>
    public int AlarmRegister { get; init; } = -1;

    /// <summary>Modbus: how often the device is read while measuring.</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Modbus: while measuring, no valid reading for this long is a fault (the insulation is unknown).</summary>
    public TimeSpan CommunicationTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
