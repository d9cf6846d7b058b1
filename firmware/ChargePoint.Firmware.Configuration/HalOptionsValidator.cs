using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Checks section <c>Hal</c>.</summary>
public sealed class HalOptionsValidator : IValidateOptions<HalOptions>
{
    public ValidateOptionsResult Validate(string? name, HalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        Positive(problems, "Hal:MaxChargePowerWatts", options.MaxChargePowerWatts);
        Positive(problems, "Hal:MaxChargeCurrentAmperes", options.MaxChargeCurrentAmperes);
        Positive(problems, "Hal:CableMaxCurrentAmperes", options.CableMaxCurrentAmperes);
        NotNegative(problems, "Hal:MaxDischargePowerWatts", options.MaxDischargePowerWatts);
        NotNegative(problems, "Hal:MaxDischargeCurrentAmperes", options.MaxDischargeCurrentAmperes);
        Positive(problems, "Hal:MinOutputVoltageVolts", options.MinOutputVoltageVolts);
        if (!(options.MaxOutputVoltageVolts > options.MinOutputVoltageVolts) || !double.IsFinite(options.MaxOutputVoltageVolts))
        {
            problems.Add($"Hal:MaxOutputVoltageVolts is {options.MaxOutputVoltageVolts}; it must be above Hal:MinOutputVoltageVolts ({options.MinOutputVoltageVolts}).");
        }

        if (!Enum.IsDefined(options.Driver))
        {
            problems.Add($"Hal:Driver '{options.Driver}' is unknown; use Linux or Simulated.");
        }

        if (!Enum.IsDefined(options.PilotFrontEnd))
        {
            problems.Add($"Hal:PilotFrontEnd '{options.PilotFrontEnd}' is unknown; use Mcu or Direct.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Positive(List<string> problems, string key, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            problems.Add($"{key} is {value}; it must be a positive rating.");
        }
    }

    private static void NotNegative(List<string> problems, string key, double value)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            problems.Add($"{key} is {value}; it must be 0 (no discharge) or a positive rating.");
        }
    }
}
