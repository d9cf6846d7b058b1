namespace ChargePoint.Hal.Configuration;

public enum IsolationMonitorKind
{
    /// <summary>The station has no insulation monitor (AC stations).</summary>
    None,

    /// <summary>Alarm relay outputs on GPIO inputs: a fault line and an optional warning (pre-warning) line.</summary>
    Gpio,

    /// <summary>A Modbus RTU device polled on the meter's RS-485 bus or its own serial port.</summary>
    Modbus,
}
