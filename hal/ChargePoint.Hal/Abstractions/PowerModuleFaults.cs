namespace ChargePoint.Hal.Abstractions;

/// <summary>Faults a power module reports or that its driver detects.</summary>
[Flags]
public enum PowerModuleFaults
{
    None = 0,

    /// <summary>No status from the module within the driver's communication timeout.</summary>
    CommunicationLost = 1 << 0,
    OverTemperature = 1 << 1,
    OutputOverVoltage = 1 << 2,
    OutputUnderVoltage = 1 << 3,
    OutputOverCurrent = 1 << 4,
    InputFault = 1 << 5,
    HardwareFault = 1 << 6,
}
