namespace ChargePoint.Firmware.Hosting;

/// <summary>
/// Splits the firmware's own switches from configuration overrides. The configuration command-line provider
/// would read a bare <c>--simulate</c> as a key that takes the next argument as its value, so the switch is
/// taken out first and turned into the setting <c>Simulation:Enabled=true</c>.
/// </summary>
public static class StationCommandLine
{
    public const string SimulateSwitch = "--simulate";

    public static (bool Simulate, string[] ConfigurationArgs) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var simulate = false;
        var rest = new List<string>(args.Count);
        foreach (var arg in args)
        {
            if (string.Equals(arg, SimulateSwitch, StringComparison.Ordinal))
            {
                simulate = true;
            }
            else
            {
                rest.Add(arg);
            }
        }

        return (simulate, rest.ToArray());
    }
}
