using ChargePoint.Hal.Configuration;
using Microsoft.Extensions.Options;

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

/// <summary>Checks section <c>Hardware</c> against the running system when the host starts (ValidateOnStart):
/// one message per problem, naming the setting and the fix.</summary>
public sealed class BoardHardwareValidator(IOptions<HalOptions> hal) : IValidateOptions<LinuxHardwareOptions>
{
    public ValidateOptionsResult Validate(string? name, LinuxHardwareOptions options)
    {
        var effective = BoardHardware.Effective(options, hal.Value);
        return new LinuxHardwareValidator(new LinuxHardwareProbe(effective.SysfsRoot)).Validate(name, effective);
    }
}
