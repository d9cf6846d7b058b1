namespace ChargePoint.Firmware.Configuration;

/// <summary>The outcome of checking a configuration file: errors stop the firmware, warnings (e.g. an unknown
/// section, usually a typo) do not.</summary>
public sealed record ConfigurationReport(string File, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}
