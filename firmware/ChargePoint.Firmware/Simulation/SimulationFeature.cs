using System.Diagnostics.CodeAnalysis;

namespace ChargePoint.Firmware.Simulation;

/// <summary>
/// Whether this build can run <c>--simulate</c>. Loading the plug-in is reflection over an assembly the trimmer
/// never saw, so trimmed self-contained board builds switch the feature off (RuntimeHostConfigurationOption in
/// the csproj) and the trimmer removes the loader entirely.
/// </summary>
public static class SimulationFeature
{
    public const string SwitchName = "ChargePoint.Simulation.IsSupported";

    [FeatureSwitchDefinition(SwitchName)]
    public static bool IsSupported => !AppContext.TryGetSwitch(SwitchName, out var enabled) || enabled;
}
