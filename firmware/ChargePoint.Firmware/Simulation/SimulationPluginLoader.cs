using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Firmware.Hosting;

namespace ChargePoint.Firmware.Simulation;

/// <summary>
/// Loads the simulation plug-in (<c>cpsim.dll</c>) from beside the firmware. The firmware does not compile
/// against the simulators, so a board image without the plug-in simply cannot run <c>--simulate</c>.
/// </summary>
public static class SimulationPluginLoader
{
    public const string PluginFileName = "cpsim.dll";

    [RequiresUnreferencedCode("Loads the simulation plug-in by reflection; unavailable in trimmed builds.")]
    public static ISimulationRig Load(string directory)
    {
        var path = Path.Combine(directory, PluginFileName);
        if (!File.Exists(path))
        {
            throw new StationStartupException(
                $"simulation mode needs {PluginFileName} beside the firmware ({path} is missing); build the solution or install the simulators.");
        }

        var assembly = Assembly.LoadFrom(path);
        var rigTypes = assembly.GetExportedTypes()
            .Where(t => typeof(ISimulationRig).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
            .ToList();
        if (rigTypes.Count != 1)
        {
            throw new StationStartupException(
                $"{PluginFileName} must export exactly one {nameof(ISimulationRig)} implementation; found {rigTypes.Count}.");
        }

        return (ISimulationRig)Activator.CreateInstance(rigTypes[0])!;
    }
}
