using System.Text.Json;
using ChargePoint.Cli;
using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>The real firmware host in simulation mode with its diagnostics socket in a temp directory, and the
/// real <c>cpdiag</c> command tree run in-process against it.</summary>
internal sealed class DiagnosticsStation : IAsyncDisposable
{
    private readonly IHost _host;

    private DiagnosticsStation(IHost host, DirectoryInfo storage)
    {
        _host = host;
        Storage = storage;
    }

    public DirectoryInfo Storage { get; }

    public string Socket => Path.Combine(Storage.FullName, "diag.sock");

    public IServiceProvider Services => _host.Services;

    public Task<EvseManager> Manager => _host.Services.GetRequiredService<EvseHostedService>().Manager;

    public static async Task<DiagnosticsStation> StartAsync(DirectoryInfo? storage = null, params string[] extra)
    {
        storage ??= Directory.CreateTempSubdirectory("cp-diag");
        string[] args = ["--simulate", $"--Storage:Path={storage.FullName}", "--Logging:LogLevel:Default=Warning", .. extra];
        var host = StationHostBuilder.Build(args);
        await host.StartAsync();
        var station = new DiagnosticsStation(host, storage);
        await station.Manager.WaitAsync(TimeSpan.FromSeconds(20));
        return station;
    }

    /// <summary>Runs <c>cpdiag</c> with <c>--socket</c> pointing at this station.</summary>
    public Task<CliRun> CpdiagAsync(params string[] args) => CliRun.RunAsync([.. args, "--socket", Socket]);

    public async Task StopAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Environment.ExitCode = 0;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Storage.Delete(recursive: true);
    }
}

/// <summary>One in-process <c>cpdiag</c> run.</summary>
internal sealed record CliRun(int Exit, string Out, string Err)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliApplication.RunAsync(args, stdout, stderr, new StringReader(""));
        return new CliRun(exit, stdout.ToString(), stderr.ToString());
    }

    public JsonElement Json() => JsonDocument.Parse(Out).RootElement;

    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
}
