using ChargePoint.Firmware.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Hosting;

/// <summary>Entry point logic of <c>chargepoint</c>: build the host, run it, map failures to exit codes.</summary>
public static class StationProgram
{
    /// <summary>Exit code when configuration or start-up fails (one clear message is printed).</summary>
    public const int StartupFailedExitCode = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            using var host = StationHostBuilder.Build(args);
            StationHostBuilder.Preflight(host.Services);
            await host.RunAsync().ConfigureAwait(false);
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"chargepoint: invalid configuration: {ex.Message}").ConfigureAwait(false);
            return StartupFailedExitCode;
        }
        catch (InvalidDataException ex)
        {
            // A configuration file that is not valid JSON.
            await Console.Error.WriteLineAsync($"chargepoint: invalid configuration file: {ex.Message} {ex.InnerException?.Message}").ConfigureAwait(false);
            return StartupFailedExitCode;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            // The binder's message names the key and the value (e.g. 'Simulation:Sessions').
            await Console.Error.WriteLineAsync($"chargepoint: invalid configuration: {ex.Message}").ConfigureAwait(false);
            return StartupFailedExitCode;
        }
        catch (StationStartupException ex)
        {
            await Console.Error.WriteLineAsync($"chargepoint: {ex.Message}").ConfigureAwait(false);
            return StartupFailedExitCode;
        }

        return Environment.ExitCode;
    }
}

/// <summary>Start-up cannot proceed; the message names the setting and the fix.</summary>
public sealed class StationStartupException : Exception
{
    public StationStartupException(string message)
        : base(message)
    {
    }

    public StationStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StationStartupException()
    {
    }
}

/// <summary>Composition root of the firmware.</summary>
public static class StationHostBuilder
{
    /// <summary>
    /// Validates every option, opens the station hardware and constructs the hosted services (which opens a board's
    /// V2G stack) before the host runs anything, so a start-up failure is one message and exit code 2, not a failed
    /// host start. The hardware comes first: it is what a technician on site fixes.
    /// </summary>
    public static void Preflight(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
        _ = services.GetService<Hal.Abstractions.IStationHardware>();
        _ = services.GetServices<IHostedService>().ToList();
    }

    public static IHost Build(string[] args) => Build(args, null);

    /// <param name="args">The command line.</param>
    /// <param name="overrideServices">Runs after the composition (tests replace one seam, e.g. the hardware factory).</param>
    public static IHost Build(string[] args, Action<IServiceCollection>? overrideServices)
    {
        var arguments = StationCommandLine.Parse(args);
        var simulate = arguments.Simulate;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = arguments.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        StationConfigurationFile.Insert(builder.Configuration, arguments.ConfigFile);
        builder.Configuration.AddInMemoryCollection(
            [new KeyValuePair<string, string?>("Simulation:Enabled", simulate ? "true" : "false")]);
        if (simulate && string.IsNullOrEmpty(builder.Configuration["Storage:Path"]))
        {
            // A simulation must not touch the board's state directory.
            builder.Configuration.AddInMemoryCollection(
                [new KeyValuePair<string, string?>("Storage:Path", Path.Combine(Path.GetTempPath(), "chargepoint-sim"))]);
        }

        if (simulate)
        {
            // A simulation serves diagnostics beside its state, in a directory it owns, without a group.
            var defaults = new List<KeyValuePair<string, string?>>();
            if (string.IsNullOrEmpty(builder.Configuration["Diagnostics:Socket"]))
            {
                defaults.Add(new("Diagnostics:Socket", Path.Combine(builder.Configuration["Storage:Path"]!, "diag.sock")));
            }

            if (builder.Configuration["Diagnostics:Group"] is null)
            {
                defaults.Add(new("Diagnostics:Group", string.Empty));
            }

            builder.Configuration.AddInMemoryCollection(defaults);
        }

        builder.Services.AddStationOptions(builder.Configuration);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddStationServices(simulate);
        overrideServices?.Invoke(builder.Services);

        return builder.Build();
    }
}
