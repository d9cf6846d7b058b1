using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace ChargePoint.Firmware.Hosting;

/// <summary>
/// Adds the board's configuration file (<c>--config</c>) so that precedence reads: built-in appsettings.json,
/// then the board file, then environment variables, then the command line (a technician's override wins).
/// </summary>
public static class StationConfigurationFile
{
    public static void Insert(IConfigurationManager configuration, string? path)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (path is null)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new StationStartupException($"--config: the configuration file {full} does not exist.");
        }

        var source = new JsonConfigurationSource { Path = Path.GetFileName(full), Optional = false, ReloadOnChange = false };
        source.FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(full)!);
        var sources = configuration.Sources;
        var index = sources.Select((s, i) => (s, i)).FirstOrDefault(p => p.s is EnvironmentVariablesConfigurationSource).i;
        var hasEnvironment = sources.Any(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(hasEnvironment ? index : sources.Count, source);
    }
}
