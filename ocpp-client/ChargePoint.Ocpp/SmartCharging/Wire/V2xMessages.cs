using System.Collections.Concurrent;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>AFRRSignal as received: the signal value and when it applies.</summary>
public sealed record AfrrSignal(DateTimeOffset Timestamp, int Signal);

/// <summary>The CSMS switched priority charging on or off for a transaction (UsePriorityCharging).</summary>
public sealed record PriorityChargingRequest(int EvseId, string TransactionId, bool Activate);

/// <summary>The energy transfer modes the CSMS allows for a transaction (NotifyAllowedEnergyTransfer).</summary>
public sealed record AllowedEnergyTransfer(int EvseId, string TransactionId, IReadOnlyList<EnergyTransferModeEnumType> Modes);

/// <summary>
/// The OCPP 2.1 V2X messages outside SetChargingProfile: the station's notifications (NotifyEVChargingSchedule,
/// NotifyChargingLimit, NotifyPriorityCharging), the CSMS requests AFRRSignal, UsePriorityCharging and
/// NotifyAllowedEnergyTransfer (kept here and raised as events for the firmware), and the PullDynamicScheduleUpdate
/// timer of Dynamic profiles that carry a dynUpdateInterval.
/// </summary>
public sealed partial class V2xMessages
{
    private readonly OcppRpcClient _rpc;
    private readonly SmartChargingHandlers _smartCharging;
    private readonly Func<int, string?> _transactionOf;
    private readonly int _evseCount;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<int, DateTimeOffset> _lastPull = new();
    private readonly ConcurrentDictionary<string, AllowedEnergyTransfer> _allowed = new(StringComparer.Ordinal);
    private AfrrSignal? _afrr;

    public V2xMessages(OcppRpcClient rpc, SmartChargingHandlers smartCharging, Func<int, string?> transactionOfEvse, int evseCount, TimeProvider time, ILogger logger)
    {
        _rpc = rpc;
        _smartCharging = smartCharging;
        _transactionOf = transactionOfEvse;
        _evseCount = evseCount;
        _time = time;
        _logger = logger;
    }

    /// <summary>The latest AFRRSignal from the CSMS, or null before the first.</summary>
    public AfrrSignal? LatestAfrrSignal => Volatile.Read(ref _afrr);

    public event Action<AfrrSignal>? AfrrSignalReceived;

    public event Action<PriorityChargingRequest>? PriorityChargingRequested;

    public event Action<AllowedEnergyTransfer>? AllowedEnergyTransferChanged;

    /// <summary>The modes the CSMS allowed for a transaction, or null when it sent no restriction.</summary>
    public AllowedEnergyTransfer? AllowedFor(string transactionId) => _allowed.GetValueOrDefault(transactionId);

    public bool IsPriorityCharging(string transactionId) => _smartCharging.IsPriorityCharging(transactionId);

    /// <summary>
    /// The power (W, negative = discharge) the latest AFRR signal asks for on an EVSE through the v2xSignalWattCurve of
    /// the composite schedule's current period (on top of its v2xBaseline); null without a signal in force or a curve.
    /// </summary>
    public double? AfrrPower(int evseId)
    {
        if (LatestAfrrSignal is not { } signal || signal.Timestamp > _time.GetUtcNow())
        {
            return null;
        }

        return SignalWattCurve.Target(_smartCharging.Composite(evseId, 1, ChargingRateUnit.W).ChargingSchedulePeriod[0], signal.Signal);
    }

    public void Register(OcppRequestHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.Handle<AFRRSignalRequest, AFRRSignalResponse>((request, _) =>
        {
            var signal = new AfrrSignal(request.Timestamp, request.Signal);
            Volatile.Write(ref _afrr, signal);
            AfrrSignalReceived?.Invoke(signal);
            return ValueTask.FromResult(new AFRRSignalResponse { Status = GenericStatusEnumType.Accepted });
        });
        handlers.Handle<UsePriorityChargingRequest, UsePriorityChargingResponse>((request, _) => ValueTask.FromResult(UsePriorityCharging(request)));
        handlers.Handle<NotifyAllowedEnergyTransferRequest, NotifyAllowedEnergyTransferResponse>((request, _) =>
        {
            if (EvseOf(request.TransactionId) is not { } evse)
            {
                return ValueTask.FromResult(new NotifyAllowedEnergyTransferResponse
                {
                    Status = NotifyAllowedEnergyTransferStatusEnumType.Rejected,
                    StatusInfo = new StatusInfoType { ReasonCode = "UnknownTransaction" },
                });
            }

            var allowed = new AllowedEnergyTransfer(evse, request.TransactionId, [.. request.AllowedEnergyTransfer]);
            _allowed[request.TransactionId] = allowed;
            AllowedEnergyTransferChanged?.Invoke(allowed);
            return ValueTask.FromResult(new NotifyAllowedEnergyTransferResponse { Status = NotifyAllowedEnergyTransferStatusEnumType.Accepted });
        });
    }

    /// <summary>The EV proposed a charging schedule (ISO 15118): forwarded to the CSMS.</summary>
    public Task<OcppCallResult<NotifyEVChargingScheduleResponse>> NotifyEvChargingScheduleAsync(
        int evseId, DateTimeOffset timeBase, ChargingScheduleType schedule, int? selectedChargingScheduleId = null, bool? powerToleranceAcceptance = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<NotifyEVChargingScheduleRequest, NotifyEVChargingScheduleResponse>(new NotifyEVChargingScheduleRequest
        {
            EvseId = evseId,
            TimeBase = timeBase,
            ChargingSchedule = schedule,
            SelectedChargingScheduleId = selectedChargingScheduleId,
            PowerToleranceAcceptance = powerToleranceAcceptance,
        }, cancellationToken);

    /// <summary>K12: an external system (EMS, grid operator, local generation) changed the limit the station follows.</summary>
    public Task<OcppCallResult<NotifyChargingLimitResponse>> NotifyChargingLimitAsync(
        string chargingLimitSource, int? evseId = null, IReadOnlyList<ChargingScheduleType>? schedules = null, bool? isGridCritical = null, bool? isLocalGeneration = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<NotifyChargingLimitRequest, NotifyChargingLimitResponse>(new NotifyChargingLimitRequest
        {
            ChargingLimit = new ChargingLimitType { ChargingLimitSource = chargingLimitSource, IsGridCritical = isGridCritical, IsLocalGeneration = isLocalGeneration },
            EvseId = evseId,
            ChargingSchedule = schedules is { Count: > 0 } ? [.. schedules] : null,
        }, cancellationToken);

    /// <summary>K13: an external system released its limit.</summary>
    public Task<OcppCallResult<ClearedChargingLimitResponse>> ClearedChargingLimitAsync(string chargingLimitSource, int? evseId = null, CancellationToken cancellationToken = default) =>
        _rpc.CallAsync<ClearedChargingLimitRequest, ClearedChargingLimitResponse>(
            new ClearedChargingLimitRequest { ChargingLimitSource = chargingLimitSource, EvseId = evseId }, cancellationToken);

    /// <summary>
    /// K22: priority charging was switched locally (e.g. a button on the station): the composite schedule follows it
    /// at once and the CSMS is told.
    /// </summary>
    public Task<OcppCallResult<NotifyPriorityChargingResponse>> NotifyPriorityChargingAsync(string transactionId, bool activated, CancellationToken cancellationToken = default)
    {
        _smartCharging.SetPriorityCharging(transactionId, activated);
        return _rpc.CallAsync<NotifyPriorityChargingRequest, NotifyPriorityChargingResponse>(
            new NotifyPriorityChargingRequest { TransactionId = transactionId, Activated = activated }, cancellationToken);
    }

    /// <summary>Sends PullDynamicScheduleUpdate for every Dynamic profile whose dynUpdateInterval has passed.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_rpc.IsConnected)
            {
                await PullDueUpdatesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task PullDueUpdatesAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var installed in _smartCharging.Store.Profiles)
        {
            var profile = installed.Profile;
            if (profile.ChargingProfileKind != ChargingProfileKind.Dynamic || profile.DynUpdateInterval is not > 0 || profile.ValidTo < now)
            {
                continue;
            }

            var last = _lastPull.GetOrAdd(profile.Id, now);
            if (profile.DynUpdateTime is { } updated && updated > last)
            {
                last = updated;
            }

            if (now - last < TimeSpan.FromSeconds(profile.DynUpdateInterval.Value))
            {
                continue;
            }

            _lastPull[profile.Id] = now;
            var result = await _rpc.CallAsync<PullDynamicScheduleUpdateRequest, PullDynamicScheduleUpdateResponse>(
                new PullDynamicScheduleUpdateRequest { ChargingProfileId = profile.Id }, cancellationToken).ConfigureAwait(false);
            if (result.Response is { Status: ChargingProfileStatusEnumType.Accepted, ScheduleUpdate: { } update })
            {
                var applied = _smartCharging.UpdateDynamicSchedule(new UpdateDynamicScheduleRequest { ChargingProfileId = profile.Id, ScheduleUpdate = update });
                var statusName = applied.Status.ToWire();
                LogPulled(profile.Id, statusName);
            }
            else
            {
                LogPullFailed(profile.Id, result.ToString());
            }
        }
    }

    private UsePriorityChargingResponse UsePriorityCharging(UsePriorityChargingRequest request)
    {
        if (EvseOf(request.TransactionId) is not { } evse)
        {
            return new UsePriorityChargingResponse { Status = PriorityChargingStatusEnumType.Rejected, StatusInfo = new StatusInfoType { ReasonCode = "UnknownTransaction" } };
        }

        // K21: priority charging needs a PriorityCharging profile for the transaction's EVSE (or the station) to switch to.
        var hasProfile = _smartCharging.Store.Profiles.Any(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.PriorityCharging && (p.EvseId == evse || p.EvseId == 0));
        if (request.Activate && !hasProfile)
        {
            return new UsePriorityChargingResponse { Status = PriorityChargingStatusEnumType.NoProfile };
        }

        _smartCharging.SetPriorityCharging(request.TransactionId, request.Activate);
        PriorityChargingRequested?.Invoke(new PriorityChargingRequest(evse, request.TransactionId, request.Activate));
        return new UsePriorityChargingResponse { Status = PriorityChargingStatusEnumType.Accepted };
    }

    private int? EvseOf(string transactionId)
    {
        for (var evse = 1; evse <= _evseCount; evse++)
        {
            if (_transactionOf(evse) == transactionId)
            {
                return evse;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PullDynamicScheduleUpdate for profile {ProfileId} applied: {Status}")]
    private partial void LogPulled(int profileId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PullDynamicScheduleUpdate for profile {ProfileId} brought no update: {Result}")]
    private partial void LogPullFailed(int profileId, string result);
}
