using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Diagnostics;

/// <summary>Read-only views of the station for <c>status</c> and <c>live</c>; never changes what it reads.</summary>
public interface IStationSnapshots
{
    StationStatus Status();

    IReadOnlyList<LiveSample> Live();
}

/// <summary>
/// Builds the snapshots from the EVSE manager (session state, transaction, effective limits), the HAL control layer
/// (pilot, meter, safety faults) and the OCPP client. Stations without an EVSE yet (hardware starting, or no
/// hardware composition) report no EVSEs rather than failing.
/// </summary>
public sealed class StationSnapshots(
    IServiceProvider services,
    IOptions<StationOcppOptions> ocppOptions,
    IConfiguration configuration,
    TimeProvider time) : IStationSnapshots
{
    private static readonly string FirmwareVersion = typeof(StationSnapshots).Assembly.GetName().Version?.ToString() ?? "unknown";

    public StationStatus Status() => new(time.GetUtcNow(), FirmwareVersion, Ocpp(), Evses().Select(EvseStatusOf).ToList());

    public IReadOnlyList<LiveSample> Live() => Evses().Select(LiveOf).ToList();

    private IEnumerable<(EvseManager Manager, Hal.StationControl Control)> Evses()
    {
        if (services.GetService(typeof(EvseHostedService)) is EvseHostedService evse
            && evse.Manager.IsCompletedSuccessfully && evse.Control is { } control)
        {
            yield return (evse.Manager.Result, control);
        }
    }

    private OcppLinkStatus Ocpp()
    {
        var options = ocppOptions.Value;
        if (!OcppSettings.IsEnabled(configuration))
        {
            return new OcppLinkStatus("disabled", null, options.SecurityProfile, null);
        }

        var rpc = services.GetServices<IHostedService>().OfType<OcppHostedService>().FirstOrDefault()?.Rpc;
        var connected = rpc?.IsConnected == true;
        return new OcppLinkStatus(connected ? "connected" : "connecting", options.CsmsUrl, options.SecurityProfile, connected ? rpc!.SubProtocol : null);
    }

    private EvseStatus EvseStatusOf((EvseManager Manager, Hal.StationControl Control) evse)
    {
        var (manager, control) = evse;
        var decision = manager.Energy.Decision;
        var info = manager.SessionInfo;
        var faults = control.Safety.ActiveFaults.Select(StationFault.From)
            .Select(f => new FaultInfo(f.Kind.ToString(), f.Detail, f.DetectedAt))
            .ToList();
        return new EvseStatus(
            manager.EvseId,
            manager.State.ToString(),
            manager.ConnectorStatus.ToString(),
            control.Pilot.State.ToString(),
            SlacState(manager.State, info is not null),
            V2gState(manager.State),
            info?.Protocol,
            info?.EnergyService,
            info?.ControlMode,
            manager.TransactionId,
            new PowerLimits(
                decision.ChargeLimitWatts,
                decision.DischargeLimitWatts,
                decision.ChargeCurrentLimitAmperes,
                decision.DischargeCurrentLimitAmperes,
                decision.SetpointWatts,
                decision.ChargeLimitedBy.ToString(),
                decision.DischargeLimitedBy.ToString()),
            faults);
    }

    private LiveSample LiveOf((EvseManager Manager, Hal.StationControl Control) evse)
    {
        var (manager, control) = evse;
        var decision = manager.Energy.Decision;
        var meter = control.Safety.LastMeterReading;
        var module = control.Hardware.PowerModule.ReadStatus();
        return new LiveSample(
            time.GetUtcNow(),
            manager.EvseId,
            manager.State.ToString(),
            meter?.PowerWatts ?? module.OutputPowerWatts,
            meter?.CurrentAmperes ?? module.OutputCurrentAmperes,
            meter?.VoltageVolts ?? module.OutputVoltageVolts,
            manager.LastEvStatus?.PresentSocPercent,
            meter?.ImportedEnergyWattHours ?? 0,
            meter?.ExportedEnergyWattHours ?? 0,
            decision.SetpointWatts,
            decision.ChargeLimitWatts,
            decision.DischargeLimitWatts);
    }

    /// <summary>SLAC runs while connecting and is done once the ISO 15118 session has started.</summary>
    private static string SlacState(EvseState state, bool sessionStarted) => state switch
    {
        EvseState.Idle or EvseState.Faulted => "idle",
        EvseState.Connecting when !sessionStarted => "matching",
        _ => "matched",
    };

    private static string V2gState(EvseState state) => state switch
    {
        EvseState.Idle or EvseState.Faulted => "none",
        EvseState.Connecting => "setup",
        EvseState.Authorizing => "authorization",
        EvseState.Preparing => "charge-parameters",
        EvseState.Charging or EvseState.Discharging => "power-delivery",
        EvseState.Stopping => "session-stop",
        EvseState.Paused => "paused",
        EvseState.Finished => "finished",
        _ => state.ToString(),
    };
}
