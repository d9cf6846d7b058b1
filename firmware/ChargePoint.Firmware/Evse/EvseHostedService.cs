using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Energy;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;
using ChargePoint.Firmware.V2g;
using ChargePoint.Hal;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Safety;
using ChargePoint.Ocpp.SmartCharging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Evse;

/// <summary>
/// Runs EVSE 1: builds the HAL control layer over the station hardware, starts safety and pilot, and runs the
/// EVSE manager with the sessions from the <see cref="HlcSessionSourceSlot"/>. On shutdown (SIGTERM/SIGINT) it
/// powers down, opens the contactors and ends the running transaction before the host exits.
/// </summary>
public sealed partial class EvseHostedService(
    IStationHardware hardware,
    IOptions<HalOptions> hal,
    IStationPort port,
    ChargingSchedules schedules,
    HlcSessionSourceSlot sessions,
    StationHealth health,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    public const int EvseId = 1;

    private readonly TaskCompletionSource<EvseManager> _manager = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private StationControl? _control;

    /// <summary>The EVSE manager once the hardware is up (diagnostics, simulation, tests).</summary>
    public Task<EvseManager> Manager => _manager.Task;

    /// <summary>The HAL control layer once started (diagnostics: readings and the self-test).</summary>
    public StationControl? Control => _control;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger<EvseHostedService>();
        var rating = hal.Value;
        var safety = new SafetyOptions { MeterPollPeriod = TimeSpan.FromMilliseconds(500) };
        _control = new StationControl(hardware, time, safetyOptions: safety, loggerFactory: loggers);
        health.Watch(_control);
        var caps = new EvseCapabilities
        {
            IsDc = true,
            NominalVoltage = 400,
            MaxChargeCurrent = rating.MaxChargeCurrentAmperes,
            MaxChargePower = rating.MaxChargePowerWatts,
            MaxDischargeCurrent = rating.MaxDischargeCurrentAmperes,
            MaxDischargePower = rating.MaxDischargePowerWatts,
            SupportsDischarge = rating.MaxDischargePowerWatts > 0,
            V2xEnabled = rating.MaxDischargePowerWatts > 0,
        };
        schedules.RegisterEvse(EvseId, caps, [OperationMode.ChargingOnly, OperationMode.CentralSetpoint, OperationMode.ExternalSetpoint, OperationMode.ExternalLimits]);
        var settings = new EvseSettings(
            EvseId,
            new PowerBounds(rating.MaxChargePowerWatts, rating.MaxDischargePowerWatts, rating.MaxChargeCurrentAmperes, rating.MaxDischargeCurrentAmperes),
            rating.CableMaxCurrentAmperes,
            TimeSpan.FromSeconds(3),
            safety.ContactorFeedbackTimeout + TimeSpan.FromMilliseconds(100));
        var manager = new EvseManager(settings, _control, port, schedules, time, loggers.CreateLogger<EvseManager>());
        _control.Start();
        _manager.TrySetResult(manager);
        var filled = sessions.WhenFilledAsync(stoppingToken);
        if (await Task.WhenAny(filled, Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken)).ConfigureAwait(false) != filled)
        {
            LogWaitingForHlc(logger);
        }

        var source = await filled.ConfigureAwait(false);
        try
        {
            await manager.RunAsync(source, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: StopAsync finishes the transaction.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_manager.Task.IsCompletedSuccessfully)
        {
            await _manager.Task.Result.ShutdownAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        if (_manager.Task.IsCompletedSuccessfully)
        {
            _manager.Task.Result.Dispose();
        }

        _control?.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = LogAreas.Evse + 10, Level = LogLevel.Warning, Message = "EVSE 1 is up (pilot and safety running) but no ISO 15118 session source is wired in this build; it waits for one.")]
    private static partial void LogWaitingForHlc(ILogger logger);
}
