using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Checks the firmware's keys of section <c>V2g</c>.</summary>
public sealed class V2gStationOptionsValidator : IValidateOptions<V2gStationOptions>
{
    public ValidateOptionsResult Validate(string? name, V2gStationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.SequenceTimeoutSeconds is <= 0 or > 60)
        {
            problems.Add($"V2g:SequenceTimeoutSeconds is {options.SequenceTimeoutSeconds}; ISO 15118-20 allows at most 60 s ([V2G20-443]).");
        }

        if (!string.Equals(options.ControlMode, "dynamic", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(options.ControlMode, "scheduled", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"V2g:ControlMode is '{options.ControlMode}'; use dynamic or scheduled.");
        }

        if (options.LinkLossSeconds is <= 0 or > 60)
        {
            problems.Add($"V2g:LinkLossSeconds is {options.LinkLossSeconds}; use a value in (0, 60].");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
