using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Systemd;

/// <summary>Reports the station's life cycle to the service manager.</summary>
public interface IStationHealth
{
    /// <summary>True while the watchdog may be fed (the safety supervisor is healthy).</summary>
    bool IsHealthy { get; }
}

/// <summary>Default health until the safety supervisor provides one: the process is alive.</summary>
public sealed class ProcessAliveHealth : IStationHealth
{
    public bool IsHealthy => true;
}

/// <summary>
/// Sends READY=1 once the host has started, WATCHDOG=1 at half of WatchdogSec while the station is healthy
/// (so a wedged or unhealthy firmware is restarted by systemd), and STOPPING=1 on shutdown.
/// </summary>
public sealed partial class SystemdNotifyService(
    IHostApplicationLifetime lifetime,
    IStationHealth health,
    TimeProvider time,
    ILogger<SystemdNotifyService> logger) : BackgroundService
{
    private readonly SystemdNotifier _notifier = SystemdNotifier.FromEnvironment();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_notifier.IsEnabled)
        {
            return;
        }

        await WaitForStartedAsync(stoppingToken).ConfigureAwait(false);
        _notifier.Notify("READY=1");
        LogReady(logger);

        var interval = SystemdNotifier.WatchdogPingInterval(
            Environment.GetEnvironmentVariable("WATCHDOG_USEC"),
            Environment.GetEnvironmentVariable("WATCHDOG_PID"),
            Environment.ProcessId);
        if (interval is not { } period)
        {
            return;
        }

        using var timer = new PeriodicTimer(period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (health.IsHealthy)
            {
                _notifier.Notify("WATCHDOG=1");
            }
            else
            {
                LogWatchdogWithheld(logger);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _notifier.Notify("STOPPING=1");
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _notifier.Dispose();
        base.Dispose();
    }

    private Task WaitForStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Notified systemd: READY")]
    private static partial void LogReady(ILogger logger);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "Station unhealthy: watchdog not fed")]
    private static partial void LogWatchdogWithheld(ILogger logger);
}
