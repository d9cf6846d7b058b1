using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChargePoint.Firmware.Configuration;

namespace ChargePoint.Cli.Diagnostics;

/// <summary><c>cpdiag config validate &lt;file&gt;</c>: the firmware's own configuration checks, offline.</summary>
internal static class ConfigCommands
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The configuration file, e.g. /etc/chargepoint/chargepoint.json." };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object." };
        var validate = new Command("validate", "Check a configuration file with the firmware's validators, without starting anything.") { file, json };
        validate.SetAction(result =>
        {
            var report = StationConfigurationCheck.CheckFile(result.GetValue(file)!.FullName);
            if (result.GetValue(json))
            {
                console.Out.WriteLine(JsonSerializer.Serialize(report, ConfigJson.Default.ConfigurationReport));
            }
            else
            {
                foreach (var warning in report.Warnings)
                {
                    console.Out.WriteLine($"warning: {warning}");
                }

                foreach (var error in report.Errors)
                {
                    console.Out.WriteLine($"error: {error}");
                }

                console.Out.WriteLine(report.IsValid ? $"{report.File}: valid" : $"{report.File}: {report.Errors.Count} error(s)");
            }

            return report.IsValid ? CliExitCodes.Ok : CliExitCodes.CheckFailed;
        });
        var config = new Command("config", "Board configuration files.");
        config.Subcommands.Add(validate);
        return config;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConfigurationReport))]
internal sealed partial class ConfigJson : JsonSerializerContext;
