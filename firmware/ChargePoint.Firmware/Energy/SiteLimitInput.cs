using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Ocpp.SmartCharging;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// The site energy manager's input to the station (reached through the diagnostics socket: <c>cpdiag limit</c>): a
/// charge ceiling and optionally a discharge ceiling for the grid connection (EVSE 0) or one EVSE. It is a
/// ChargingStationExternalConstraints profile from chargingLimitSource EMS, so the composite schedule caps every
/// transaction with it and the CSMS can read it (GetChargingProfiles, GetCompositeSchedule) but never clear it
/// (K01.FR.22); the CSMS hears of each change (NotifyChargingLimit, ClearedChargingLimit, ChargingRateChanged: K11-K13).
/// </summary>
public sealed partial class SiteLimitInput(ChargingSchedules schedules, OcppHostedService ocpp, TimeProvider time, ILogger<SiteLimitInput> logger)
{
    /// <summary>chargingLimitSource of the site energy manager (ChargingLimitSourceEnumStringType).</summary>
    public const string Source = "EMS";

    public async Task<ControlResult> SetAsync(int evseId, double chargeLimitWatts, double? dischargeLimitWatts, CancellationToken cancellationToken)
    {
        if (!double.IsFinite(chargeLimitWatts) || chargeLimitWatts < 0 || dischargeLimitWatts is { } d && (!double.IsFinite(d) || d < 0))
        {
            return new ControlResult(false, "InvalidValue", "limits are finite magnitudes in W, 0 or more");
        }

        if (!ocpp.TryRuntime(out var runtime))
        {
            return ControlResult.NotReady;
        }

        var profile = SiteLimitProfile.Build(evseId, chargeLimitWatts, dischargeLimitWatts, time.GetUtcNow());
        var verdict = runtime is null
            ? schedules.SetExternalProfile(evseId, profile, Source)
            : runtime.SmartCharging.SetExternalProfile(evseId, profile, Source);
        if (verdict != ChargingProfileVerdict.Accepted)
        {
            LogRefused(logger, evseId, verdict);
            return new ControlResult(false, ChargingProfileVerdictReasons.ReasonCode(verdict), ChargingProfileVerdictReasons.AdditionalInfo(verdict));
        }

        LogApplied(logger, evseId, chargeLimitWatts, dischargeLimitWatts);
        if (ocpp.ExternalLimits is { } reporter)
        {
            await reporter.LimitSetAsync(evseId, profile, Source, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return ControlResult.Ok;
    }

    /// <summary>Releases the limit of <paramref name="evseId"/>; not applied when none was set.</summary>
    public async Task<ControlResult> ClearAsync(int evseId, CancellationToken cancellationToken)
    {
        if (!ocpp.TryRuntime(out var runtime))
        {
            return ControlResult.NotReady;
        }

        var id = SiteLimitProfile.IdFor(evseId);
        var cleared = runtime is null ? schedules.ClearExternalProfile(id) : runtime.SmartCharging.ClearExternalProfile(id);
        if (!cleared)
        {
            return new ControlResult(false, "NotFound", $"no site limit is set on EVSE {evseId}");
        }

        LogCleared(logger, evseId);
        if (ocpp.ExternalLimits is { } reporter)
        {
            await reporter.LimitClearedAsync(evseId, Source, cancellationToken).ConfigureAwait(false);
        }

        return ControlResult.Ok;
    }

    [LoggerMessage(EventId = LogAreas.Evse + 30, Level = LogLevel.Information, Message = "Site limit on EVSE {EvseId}: charge {Charge:0} W, discharge {Discharge} W")]
    private static partial void LogApplied(ILogger logger, int evseId, double charge, double? discharge);

    [LoggerMessage(EventId = LogAreas.Evse + 31, Level = LogLevel.Information, Message = "Site limit on EVSE {EvseId} released")]
    private static partial void LogCleared(ILogger logger, int evseId);

    [LoggerMessage(EventId = LogAreas.Evse + 32, Level = LogLevel.Warning, Message = "Site limit on EVSE {EvseId} refused: {Verdict}")]
    private static partial void LogRefused(ILogger logger, int evseId, ChargingProfileVerdict verdict);
}
