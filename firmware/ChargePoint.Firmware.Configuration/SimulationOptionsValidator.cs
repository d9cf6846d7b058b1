using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Checks section <c>Simulation</c>.</summary>
public sealed class SimulationOptionsValidator : IValidateOptions<SimulationOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!SimulationOptions.Scenarios.Contains(options.Ev, StringComparer.Ordinal))
        {
            problems.Add($"Simulation:Ev '{options.Ev}' is unknown; use one of {string.Join(", ", SimulationOptions.Scenarios)}.");
        }

        if (options.Sessions is < 1)
        {
            problems.Add($"Simulation:Sessions is {options.Sessions}; use a count of 1 or more, or leave it out to run until stopped.");
        }

        // With an external EV the sessions it runs are counted; with none there are no sessions to count.
        if (options.Sessions is not null && options.Ev is "none")
        {
            problems.Add($"Simulation:Sessions needs an EV; Simulation:Ev={options.Ev} runs none.");
        }

        if (options.ChargeSeconds is <= 0 or > 86_400 || options.DischargeSeconds is < 0 or > 86_400)
        {
            problems.Add("Simulation:ChargeSeconds must be in (0, 86400] and Simulation:DischargeSeconds in [0, 86400].");
        }

        if (options.PauseSeconds is < 0 or > 86_400 || !double.IsFinite(options.PauseSeconds))
        {
            problems.Add($"Simulation:PauseSeconds is {options.PauseSeconds}; use 0 (no pause) to 86400.");
        }

        if (options.TimeScale is < 1 or > 1000)
        {
            problems.Add($"Simulation:TimeScale is {options.TimeScale}; use 1 (real time) to 1000.");
        }

        if (!options.Enabled && (options.Sessions is not null))
        {
            problems.Add("Simulation:Sessions only applies with --simulate.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
