using ChargePoint.Hal.Configuration;

namespace ChargePoint.Firmware.Configuration;

/// <summary>The hardware options as the board runs them: <c>Hal:PilotFrontEnd</c> is the one key that chooses
/// the pilot front end (the board examples and <c>cpdiag config validate</c> use it).</summary>
public static class BoardHardware
{
    public static LinuxHardwareOptions Effective(LinuxHardwareOptions hardware, HalOptions hal)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(hal);
        return hardware with { PilotFrontEnd = hal.PilotFrontEnd == PilotFrontEnd.Direct ? PilotFrontEndKind.Direct : PilotFrontEndKind.Mcu };
    }
}
