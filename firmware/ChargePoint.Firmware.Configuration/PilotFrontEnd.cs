namespace ChargePoint.Firmware.Configuration;

/// <summary>How a Linux board drives and measures the control pilot (setting <c>Hal:PilotFrontEnd</c>).</summary>
public enum PilotFrontEnd
{
    /// <summary>A front-end MCU on a UART generates and measures the pilot and reads contactor feedback
    /// (<c>Hardware:PilotMcuSerial</c>); it goes safe by itself when the link stops.</summary>
    Mcu,

    /// <summary>The SoC drives the pilot through a sysfs PWM channel and reads the plateaus through IIO ADC peak
    /// detectors (<c>Hardware:PwmChip</c>, <c>Hardware:PwmChannel</c>, <c>Hardware:AdcDevice</c>).</summary>
    Direct,
}
