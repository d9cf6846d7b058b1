namespace ChargePoint.Hal.Configuration;

public enum PilotFrontEndKind
{
    /// <summary>A pilot microcontroller over a UART (Drivers/PilotMcu/PROTOCOL.md): pilot, PP, contactors, e-stop.</summary>
    Mcu,

    /// <summary>The SoC itself: sysfs PWM into the ±12 V stage, IIO ADC peak detectors, GPIO contactors and e-stop.</summary>
    Direct,
}
