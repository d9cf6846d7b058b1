using System.Net.Sockets;
using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Evse;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>
/// The diagnostics endpoint: listens on the Unix domain socket of <c>Diagnostics:Socket</c> (bound in StartAsync,
/// so a missing or read-only directory stops start-up with one clear message) and serves each client on its own
/// task, at most <see cref="MaxClients"/> at once. It also follows EVSE 1's sessions for the history and traces.
/// </summary>
public sealed partial class DiagnosticsServer(
    IOptions<DiagnosticsOptions> options,
    DiagnosticsDispatcher dispatcher,
    TraceRecorder traces,
    SessionHistory history,
    IServiceProvider services,
    TimeProvider time,
    ILogger<DiagnosticsServer> logger) : BackgroundService
{
    public const int MaxClients = 8;

    private readonly SemaphoreSlim _clients = new(MaxClients, MaxClients);
    private Socket? _listener;
    private SessionTracker? _tracker;

    /// <summary>The socket path being served.</summary>
    public string SocketPath => options.Value.Socket;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _listener = DiagnosticsSocketFile.Listen(settings.Socket, settings.Group);
        LogListening(logger, settings.Socket, settings.Group.Length > 0 ? settings.Group : "(process group)");
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var follow = FollowSessionsAsync(stoppingToken);
        var listener = _listener!;
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptAsync(stoppingToken).ConfigureAwait(false);
                running.RemoveAll(t => t.IsCompleted);
                if (!await _clients.WaitAsync(0, stoppingToken).ConfigureAwait(false))
                {
                    running.Add(RefuseAsync(client));
                    continue;
                }

                running.Add(ServeAsync(client, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        await follow.ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        _listener?.Dispose();
        _tracker?.Dispose();
        try
        {
            File.Delete(options.Value.Socket);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removed at the next start.
        }
    }

    public override void Dispose()
    {
        _listener?.Dispose();
        _clients.Dispose();
        base.Dispose();
    }

    private async Task ServeAsync(Socket client, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await new DiagnosticsConnection(client, dispatcher).RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // One broken client must never take the endpoint down.
            LogClientFailed(logger, ex);
        }
        finally
        {
            _clients.Release();
        }
    }

    private static async Task RefuseAsync(Socket client)
    {
        using (client)
        {
            var refusal = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                Contracts.Diagnostics.DiagnosticsResponse.Failure(null, Contracts.Diagnostics.DiagnosticsErrors.Busy, $"too many diagnostics clients (at most {MaxClients}); try again."),
                Contracts.Diagnostics.DiagnosticsJsonContext.Default.DiagnosticsResponse);
            try
            {
                await client.SendAsync((byte[])[.. refusal, (byte)'\n']).WaitAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or TimeoutException or ObjectDisposedException)
            {
            }
        }
    }

    private async Task FollowSessionsAsync(CancellationToken stoppingToken)
    {
        if (services.GetService<EvseHostedService>() is not { } evse)
        {
            return;
        }

        try
        {
            var manager = await evse.Manager.WaitAsync(stoppingToken).ConfigureAwait(false);
            _tracker = new SessionTracker(manager, traces, history, time);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(EventId = LogAreas.Diagnostics + 1, Level = LogLevel.Information, Message = "Diagnostics endpoint listening on {Socket} (mode 0660, group {Group})")]
    private static partial void LogListening(ILogger logger, string socket, string group);

    [LoggerMessage(EventId = LogAreas.Diagnostics + 2, Level = LogLevel.Warning, Message = "A diagnostics client failed")]
    private static partial void LogClientFailed(ILogger logger, Exception exception);
}
