namespace ChargePoint.Firmware.Hosting;

/// <summary>
/// Splits the firmware's own switches from configuration overrides. The configuration command-line provider
/// would read a bare <c>--simulate</c> as a key that takes the next argument as its value, so the switch is
/// taken out first and turned into the setting <c>Simulation:Enabled=true</c>.
/// </summary>
public static class StationCommandLine
{
    public const string SimulateSwitch = "--simulate";

    /// <summary>A JSON configuration file (the board's, e.g. /etc/chargepoint/chargepoint.json).</summary>
    public const string ConfigSwitch = "--config";

    public static StationArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var simulate = false;
        string? configFile = null;
        var rest = new List<string>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (string.Equals(arg, SimulateSwitch, StringComparison.Ordinal))
            {
                simulate = true;
            }
            else if (string.Equals(arg, ConfigSwitch, StringComparison.Ordinal))
            {
                if (i + 1 >= args.Count)
                {
                    throw new StationStartupException("--config needs a file path, e.g. --config /etc/chargepoint/chargepoint.json");
                }

                configFile = args[++i];
            }
            else if (arg.StartsWith(ConfigSwitch + "=", StringComparison.Ordinal))
            {
                configFile = arg[(ConfigSwitch.Length + 1)..];
            }
            else
            {
                rest.Add(arg);
            }
        }

        return new StationArguments(simulate, configFile, rest.ToArray());
    }
}

/// <summary>The firmware's own switches, and what is left for the configuration command-line provider.</summary>
public sealed record StationArguments(bool Simulate, string? ConfigFile, string[] ConfigurationArgs)
{
    public void Deconstruct(out bool simulate, out string[] configurationArgs)
    {
        simulate = Simulate;
        configurationArgs = ConfigurationArgs;
    }
}
