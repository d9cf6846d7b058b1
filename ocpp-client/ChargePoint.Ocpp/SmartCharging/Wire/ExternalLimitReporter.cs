using System.Collections.Concurrent;
using System.Globalization;
using ChargePoint.Ocpp.DeviceModel;
using ChargePoint.Ocpp.Station;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// Tells the CSMS what a local external system (site EMS, grid operator box) did to the station's limits:
/// NotifyChargingLimit when a limit is set or changes by more than SmartChargingCtrlr.LimitChangeSignificance
/// (K11/K12; with the schedule when NotifyChargingLimitWithSchedules is true), ClearedChargingLimit when it is
/// released (K13), and for a transaction running on the EVSE a TransactionEvent with triggerReason
/// ChargingRateChanged (K11.FR.04, K13.FR.03). The profile itself is installed by <see cref="SmartChargingHandlers"/>.
/// </summary>
public sealed partial class ExternalLimitReporter
{
    private readonly V2xMessages _v2x;
    private readonly TransactionManager _transactions;
    private readonly DeviceModelService _deviceModel;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(int EvseId, string Source), ChargingSchedulePeriod> _reported = new();

    public ExternalLimitReporter(V2xMessages v2x, TransactionManager transactions, DeviceModelService deviceModel, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(v2x);
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(deviceModel);
        _v2x = v2x;
        _transactions = transactions;
        _deviceModel = deviceModel;
        _logger = logger;
    }

    /// <summary>
    /// The external system's profile on <paramref name="evseId"/> (0: the grid connection) is installed; reports it
    /// when it differs significantly from the last one reported. Returns whether NotifyChargingLimit was sent.
    /// </summary>
    public async Task<bool> LimitSetAsync(int evseId, ChargingProfile profile, string chargingLimitSource, bool? isGridCritical = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var period = profile.ChargingSchedule[0].ChargingSchedulePeriod[0];
        var key = (evseId, chargingLimitSource);
        var significance = double.Parse(_deviceModel.GetString("SmartChargingCtrlr", "LimitChangeSignificance"), CultureInfo.InvariantCulture);
        if (_reported.TryGetValue(key, out var previous) && !LimitChange.IsSignificant(previous, period, significance))
        {
            return false;
        }

        _reported[key] = period;
        RateChanged(evseId);
        var schedules = _deviceModel.GetBool("SmartChargingCtrlr", "NotifyChargingLimitWithSchedules")
            ? profile.ChargingSchedule.Select(ChargingProfileWireMapper.ToWire).ToList()
            : null;
        var result = await _v2x.NotifyChargingLimitAsync(
            chargingLimitSource, evseId == 0 ? null : evseId, schedules, isGridCritical,
            profile.ChargingProfilePurpose == ChargingProfilePurpose.LocalGeneration ? true : null, cancellationToken).ConfigureAwait(false);
        LogReported(evseId, chargingLimitSource, period.Limit, period.DischargeLimit, result.IsSuccess);
        return result.IsSuccess;
    }

    /// <summary>The external system released its limit on <paramref name="evseId"/>: ClearedChargingLimit (K13).</summary>
    public async Task<bool> LimitClearedAsync(int evseId, string chargingLimitSource, CancellationToken cancellationToken = default)
    {
        _reported.TryRemove((evseId, chargingLimitSource), out _);
        RateChanged(evseId);
        var result = await _v2x.ClearedChargingLimitAsync(chargingLimitSource, evseId == 0 ? null : evseId, cancellationToken).ConfigureAwait(false);
        LogCleared(evseId, chargingLimitSource, result.IsSuccess);
        return result.IsSuccess;
    }

    private void RateChanged(int evseId)
    {
        // A station-wide limit moves the rate of every EVSE's transaction.
        foreach (var evse in evseId == 0 ? _transactions.EvsesInTransaction : [evseId])
        {
            _transactions.ChargingRateChanged(evse);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "External limit on EVSE {EvseId} from {Source}: limit {Limit} W/A, discharge {Discharge}; NotifyChargingLimit delivered: {Delivered}")]
    private partial void LogReported(int evseId, string source, double? limit, double? discharge, bool delivered);

    [LoggerMessage(Level = LogLevel.Information, Message = "External limit on EVSE {EvseId} from {Source} released; ClearedChargingLimit delivered: {Delivered}")]
    private partial void LogCleared(int evseId, string source, bool delivered);
}
