using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Simulation;
using ChargePoint.Hal.Simulated;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>The real firmware host in simulation mode, started in-process, with handles on what it drives.</summary>
internal sealed class SimulatedStation : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly DirectoryInfo _storage;

    private SimulatedStation(IHost host, DirectoryInfo storage)
    {
        _host = host;
        _storage = storage;
    }

    public SimulatedStationHardware Hardware => _host.Services.GetRequiredService<SimulatedStationHardware>();

    public JournalStationPort Port => _host.Services.GetRequiredService<JournalStationPort>();

    public SimulationHostedService Simulation => _host.Services.GetRequiredService<SimulationHostedService>();

    public Task<EvseManager> Manager => _host.Services.GetRequiredService<EvseHostedService>().Manager;

    public IHostApplicationLifetime Lifetime => _host.Services.GetRequiredService<IHostApplicationLifetime>();

    public IServiceProvider Services => _host.Services;

    public string StoragePath => _storage.FullName;

    /// <summary>Starts the host; <paramref name="extraArguments"/> adds command-line settings (e.g. Ocpp:CsmsUrl of a test
    /// CSMS) and <paramref name="prepareStorage"/> runs on the empty Storage:Path first (values an operator set earlier).</summary>
    public static async Task<SimulatedStation> StartAsync(string scenario, int? sessions, double chargeSeconds = 1.0, double dischargeSeconds = 1.0,
        IEnumerable<string>? extraArguments = null, Action<string>? prepareStorage = null)
    {
        var storage = Directory.CreateTempSubdirectory("cp-fw-it");
        prepareStorage?.Invoke(storage.FullName);
        var args = new List<string>
        {
            "--simulate",
            $"--Simulation:Ev={scenario}",
            $"--Simulation:ChargeSeconds={chargeSeconds}",
            $"--Simulation:DischargeSeconds={dischargeSeconds}",
            $"--Storage:Path={storage.FullName}",
            "--Logging:LogLevel:Default=Warning",
        };
        if (sessions is { } n)
        {
            args.Add($"--Simulation:Sessions={n}");
        }

        args.AddRange(extraArguments ?? []);
        var host = StationHostBuilder.Build([.. args]);
        await host.StartAsync();
        return new SimulatedStation(host, storage);
    }

    public IEnumerable<StationPortEvent> Sent(string kind) => Port.Journal.Where(e => e.Kind == kind);

    public async Task<EvseManager> WaitForStateAsync(EvseState state, TimeSpan? timeout = null)
    {
        var manager = await Manager.WaitAsync(TimeSpan.FromSeconds(10));
        await WaitUntilAsync(() => manager.State == state, timeout);
        return manager;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The simulated station did not reach the expected condition in time.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits for the host to stop by itself (Simulation:Sessions reached).</summary>
    public Task WaitForExitAsync(TimeSpan timeout) => _host.WaitForShutdownAsync().WaitAsync(timeout);

    public Task StopAsync() => _host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _storage.Delete(recursive: true);

        // The simulation sets the process exit code for `chargepoint`; the test process must not inherit it.
        Environment.ExitCode = 0;
    }
}
