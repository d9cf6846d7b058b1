using System.Diagnostics.CodeAnalysis;
using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Firmware.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Simulation;

/// <summary>Starts the simulated peers when the station runs with <c>--simulate</c>.</summary>
public sealed partial class SimulationHostedService(
    IConfiguration configuration,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    ILogger<SimulationHostedService> logger) : IHostedService, IAsyncDisposable
{
    private ISimulationRig? _rig;

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Guarded by SimulationFeature.IsSupported, a feature switch that trimmed builds set to false, so the trimmer removes the plug-in load.")]
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scenario = configuration["Simulation:Ev"] ?? "dc-bpt-dynamic";
        var startCsms = string.IsNullOrWhiteSpace(configuration["Ocpp:CsmsUrl"]);
        if (!SimulationFeature.IsSupported)
        {
            // Unreachable: the host builder refuses --simulate first. Kept so the trimmer can drop the load.
            throw new StationStartupException("this firmware build has no simulation support.");
        }

        _rig = SimulationPluginLoader.Load(AppContext.BaseDirectory);
        var peers = await _rig.StartAsync(new SimulationRequest(scenario, startCsms), services, cancellationToken)
            .ConfigureAwait(false);
        LogRigStarted(logger, scenario, peers.Description);
        if (configuration["Simulation:Sessions"] is { } sessions)
        {
            // The EVSE session orchestration that would run these sessions is not built yet, so asking for
            // sessions fails honestly instead of printing made-up results.
            LogSessionsUnavailable(logger, sessions);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_rig is not null)
        {
            await _rig.DisposeAsync().ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 9001, Level = LogLevel.Information, Message = "Simulation rig started for scenario {Scenario}: {Description}")]
    private static partial void LogRigStarted(ILogger logger, string scenario, string description);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Error, Message = "Simulation:Sessions={Sessions} asked for, but the station cannot run charging sessions yet (EVSE orchestration not built)")]
    private static partial void LogSessionsUnavailable(ILogger logger, string sessions);
}
