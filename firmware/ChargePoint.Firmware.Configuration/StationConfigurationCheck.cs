using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>
/// Checks a board configuration file without starting anything (<c>cpdiag config validate</c>): the JSON must
/// parse (comments allowed), every firmware section must bind and pass the same validators the firmware runs at
/// start-up. Checks that depend on the board itself (device nodes, writable directories) are left to start-up.
/// </summary>
public static class StationConfigurationCheck
{
    /// <summary>Top-level sections the firmware reads; anything else is reported as a warning.</summary>
    public static readonly IReadOnlyList<string> KnownSections =
        ["Ocpp", "Storage", "Simulation", "Hal", "Hardware", "Pilot", "V2g", "Diagnostics", "Logging"];

    public static ConfigurationReport CheckFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return new ConfigurationReport(full, [$"the file {full} does not exist."], []);
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
        }
        catch (InvalidDataException ex)
        {
            return new ConfigurationReport(full, [$"not valid JSON: {ex.InnerException?.Message ?? ex.Message}"], []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return new ConfigurationReport(full, [$"cannot read: {ex.Message}"], []);
        }

        return Check(configuration, full);
    }

    public static ConfigurationReport Check(IConfiguration configuration, string source)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var warnings = configuration.GetChildren()
            .Where(s => !KnownSections.Contains(s.Key, StringComparer.OrdinalIgnoreCase))
            .Select(s => $"unknown section '{s.Key}' (known: {string.Join(", ", KnownSections)}); the firmware ignores it.")
            .ToList();
        Validate(errors, () => configuration.GetSection(StationOcppOptions.SectionName).Get<StationOcppOptions>() ?? new StationOcppOptions(), new StationOcppOptionsValidator());
        Validate(errors, () => configuration.GetSection(SimulationOptions.SectionName).Get<SimulationOptions>() ?? new SimulationOptions(), new SimulationOptionsValidator());
        Validate(errors, () => configuration.GetSection(V2gStationOptions.SectionName).Get<V2gStationOptions>() ?? new V2gStationOptions(), new V2gStationOptionsValidator());
        Validate(errors, () => configuration.GetSection(DiagnosticsOptions.SectionName).Get<DiagnosticsOptions>() ?? new DiagnosticsOptions(), new DiagnosticsOptionsValidator());
        var hal = Validate(errors, () => configuration.GetSection(HalOptions.SectionName).Get<HalOptions>() ?? new HalOptions(), new HalOptionsValidator());
        var storage = Validate(errors, () => configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions(), null);
        if (storage is not null && StorageOptionsValidator.CheckPath(storage.Path) is { } storageProblem)
        {
            errors.Add(storageProblem);
        }

        if (hal is { Driver: HalDriver.Linux })
        {
            CheckFrontEnd(errors, configuration, hal.PilotFrontEnd);
        }

        return new ConfigurationReport(source, errors, warnings);
    }

    /// <summary>The keys each pilot front end cannot work without (their devices are checked at start-up).</summary>
    private static void CheckFrontEnd(List<string> errors, IConfiguration configuration, PilotFrontEnd frontEnd)
    {
        var hardware = configuration.GetSection("Hardware");
        if (frontEnd == PilotFrontEnd.Mcu && hardware.GetSection("PilotMcuSerial")["Device"] is "")
        {
            errors.Add("Hardware:PilotMcuSerial:Device is empty; Hal:PilotFrontEnd Mcu needs the UART wired to the pilot MCU (e.g. /dev/ttymxc1).");
        }

        if (frontEnd == PilotFrontEnd.Direct)
        {
            // The HAL reads the direct front end from Hardware:Direct (DirectFrontEndOptions).
            var direct = hardware.GetSection("Direct");
            if (!int.TryParse(direct["PwmChip"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var chip) || chip < 0)
            {
                errors.Add("Hardware:Direct:PwmChip is not set; Hal:PilotFrontEnd Direct drives the pilot from a sysfs PWM chip (e.g. 0 for /sys/class/pwm/pwmchip0).");
            }

            if (string.IsNullOrWhiteSpace(direct["AdcDevice"]))
            {
                errors.Add("Hardware:Direct:AdcDevice is empty; Hal:PilotFrontEnd Direct measures the pilot plateaus through an IIO ADC (its device name, e.g. 2198000.adc).");
            }

            if (!direct.GetSection("Contactors").GetChildren().Any())
            {
                errors.Add("Hardware:Direct:Contactors is empty; Hal:PilotFrontEnd Direct switches the power path itself (list each contactor with Name, DriveLine and FeedbackLine).");
            }
        }
    }

    private static T? Validate<T>(List<string> errors, Func<T> bind, IValidateOptions<T>? validator)
        where T : class
    {
        T options;
        try
        {
            options = bind();
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            errors.Add(ex.Message);
            return null;
        }

        if (validator?.Validate(Options.DefaultName, options) is { Failed: true } result)
        {
            errors.AddRange(result.Failures);
        }

        return options;
    }
}
