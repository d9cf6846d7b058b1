using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Hal.Abstractions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Safety;

/// <summary>
/// Kicks the board's hardware watchdog (<c>/dev/watchdog</c>) at a third of its timeout, but only while the safety
/// supervisor is healthy (<see cref="StationHealth"/>): a station stuck in a fault it cannot clear, or a process
/// that hangs, is reset by the hardware, which also drops the contactors. Stations without one only log that.
/// </summary>
public sealed partial class HardwareWatchdogService(
    IStationHardware hardware,
    StationHealth health,
    TimeProvider time,
    ILogger<HardwareWatchdogService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (hardware.Watchdog is not { } watchdog)
        {
            LogNoWatchdog(logger);
            return;
        }

        watchdog.Kick();
        LogWatchdogArmed(logger, watchdog.Timeout);
        var withheld = false;
        using var timer = new PeriodicTimer(watchdog.Timeout / 3, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (health.IsHealthy)
            {
                watchdog.Kick();
                withheld = false;
            }
            else if (!withheld)
            {
                withheld = true;
                LogWithheld(logger, watchdog.Timeout);
            }
        }
    }

    [LoggerMessage(EventId = LogAreas.Safety + 40, Level = LogLevel.Warning, Message = "No hardware watchdog configured (Hardware:WatchdogDevice): the pilot MCU's heartbeat timeout is the only independent safety path if the process hangs")]
    private static partial void LogNoWatchdog(ILogger logger);

    [LoggerMessage(EventId = LogAreas.Safety + 41, Level = LogLevel.Information, Message = "Hardware watchdog armed ({Timeout}); fed while the safety supervisor is healthy")]
    private static partial void LogWatchdogArmed(ILogger logger, TimeSpan timeout);

    [LoggerMessage(EventId = LogAreas.Safety + 42, Level = LogLevel.Error, Message = "Safety supervisor holds a fault: hardware watchdog no longer fed; the board resets within {Timeout} unless the fault clears")]
    private static partial void LogWithheld(ILogger logger, TimeSpan timeout);
}
