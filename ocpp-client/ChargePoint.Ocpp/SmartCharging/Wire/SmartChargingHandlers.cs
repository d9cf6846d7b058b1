using System.Collections.Concurrent;
using ChargePoint.Ocpp.Messages;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace ChargePoint.Ocpp.SmartCharging.Wire;

/// <summary>
/// The CSMS side of block K on the station's RPC: SetChargingProfile (K01), ClearChargingProfile (K10),
/// GetChargingProfiles with ReportChargingProfiles (K09), GetCompositeSchedule (K08) and UpdateDynamicSchedule
/// (values of the installed Dynamic profile). Every decision is taken by the store, validator and composite engine; this class only
/// maps wire to domain and back, and logs what it refused.
/// </summary>
public sealed partial class SmartChargingHandlers
{
    private readonly OcppRpcClient _rpc;
    private readonly ChargingProfileStore _store;
    private readonly ISmartChargingStation _station;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, bool> _priorityCharging = new(StringComparer.Ordinal);

    public SmartChargingHandlers(OcppRpcClient rpc, ChargingProfileStore store, ISmartChargingStation station, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(rpc);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _rpc = rpc;
        _store = store;
        _station = station;
        _time = time;
        _logger = logger;
    }

    /// <summary>The most profiles one ReportChargingProfiles carries; more are split with tbc (K09.FR.03).</summary>
    public int ProfilesPerReport { get; init; } = 10;

    public ChargingProfileStore Store => _store;

    /// <summary>Whether priority charging is active for the transaction (UsePriorityCharging, K21; local, K22).</summary>
    public bool IsPriorityCharging(string transactionId) => _priorityCharging.GetValueOrDefault(transactionId);

    /// <summary>
    /// Switches priority charging of a transaction: while it is active the PriorityCharging profile replaces the
    /// transaction's TxProfile and TxDefaultProfile in its composite schedule (K21). Raises <see cref="ProfilesChanged"/>.
    /// </summary>
    public void SetPriorityCharging(string transactionId, bool active)
    {
        ArgumentNullException.ThrowIfNull(transactionId);
        if (active)
        {
            _priorityCharging[transactionId] = true;
        }
        else
        {
            _priorityCharging.TryRemove(transactionId, out _);
        }

        ProfilesChanged?.Invoke();
    }

    /// <summary>
    /// A local external system (site EMS) sets or replaces a ChargingStationExternalConstraints or LocalGeneration
    /// profile, validated against the station as it is now (K11/K12; never the CSMS, K01.FR.22).
    /// </summary>
    public ChargingProfileVerdict SetExternalProfile(int evseId, ChargingProfile profile, string chargingLimitSource)
    {
        var verdict = _store.SetExternalProfile(evseId, profile, chargingLimitSource, Context());
        if (verdict == ChargingProfileVerdict.Accepted)
        {
            ProfilesChanged?.Invoke();
        }

        return verdict;
    }

    /// <summary>The external system withdrew its profile (K13); false when none with this id was installed.</summary>
    public bool ClearExternalProfile(int chargingProfileId)
    {
        var cleared = _store.ClearExternalProfile(chargingProfileId);
        if (cleared)
        {
            ProfilesChanged?.Invoke();
        }

        return cleared;
    }

    /// <summary>
    /// Raised after the CSMS installed, replaced, cleared or updated a profile, so the charge loop re-reads the
    /// composite schedule (and renegotiates a Scheduled-mode session) without waiting for its next poll.
    /// </summary>
    public event Action? ProfilesChanged;

    public void Register(OcppRequestHandlers handlers)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        handlers.Handle<SetChargingProfileRequest, SetChargingProfileResponse>((request, _) => ValueTask.FromResult(SetChargingProfile(request)));
        handlers.Handle<ClearChargingProfileRequest, ClearChargingProfileResponse>((request, _) => ValueTask.FromResult(ClearChargingProfile(request)));
        handlers.HandleWithFollowUp<GetChargingProfilesRequest, GetChargingProfilesResponse>((request, _) => ValueTask.FromResult(GetChargingProfiles(request)));
        handlers.Handle<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((request, _) => ValueTask.FromResult(GetCompositeSchedule(request)));
        handlers.Handle<UpdateDynamicScheduleRequest, UpdateDynamicScheduleResponse>((request, _) => ValueTask.FromResult(UpdateDynamicSchedule(request)));
    }

    public SetChargingProfileResponse SetChargingProfile(SetChargingProfileRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var profile = ChargingProfileWireMapper.ToDomain(request.ChargingProfile);
        var context = Context();
        PruneEndedTransactions(context);
        var verdict = _store.SetChargingProfile(request.EvseId, profile, context);
        if (verdict != ChargingProfileVerdict.Accepted)
        {
            LogProfileRejected(profile.Id, request.EvseId, verdict);
        }
        else
        {
            ProfilesChanged?.Invoke();
        }

        return new SetChargingProfileResponse
        {
            Status = verdict == ChargingProfileVerdict.Accepted ? ChargingProfileStatusEnumType.Accepted : ChargingProfileStatusEnumType.Rejected,
            StatusInfo = StatusInfo(verdict),
        };
    }

    public ClearChargingProfileResponse ClearChargingProfile(ClearChargingProfileRequest request)
    {
        var status = _store.Clear(SmartChargingRequestMapper.ToCriteria(request));
        if (status == ClearChargingProfileStatus.Accepted)
        {
            ProfilesChanged?.Invoke();
        }

        return new ClearChargingProfileResponse
        {
            Status = status == ClearChargingProfileStatus.Accepted ? ClearChargingProfileStatusEnumType.Accepted : ClearChargingProfileStatusEnumType.Unknown,
        };
    }

    public OcppReply<GetChargingProfilesResponse> GetChargingProfiles(GetChargingProfilesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        PruneEndedTransactions(Context());
        var found = _store.Find(SmartChargingRequestMapper.ToCriteria(request));
        if (found.IsEmpty)
        {
            return new(new GetChargingProfilesResponse { Status = GetChargingProfileStatusEnumType.NoProfiles });
        }

        // One report holds one evseId and one chargingLimitSource (message structure), at most ProfilesPerReport profiles.
        var reports = found.GroupBy(p => (p.EvseId, p.ChargingLimitSource))
            .SelectMany(g => g.Chunk(Math.Max(1, ProfilesPerReport)).Select(chunk => new ReportChargingProfilesRequest
            {
                RequestId = request.RequestId,
                EvseId = g.Key.EvseId,
                ChargingLimitSource = g.Key.ChargingLimitSource,
                ChargingProfile = [.. chunk.Select(p => ChargingProfileWireMapper.ToWire(p.Profile))],
            }))
            .ToList();
        return new(new GetChargingProfilesResponse { Status = GetChargingProfileStatusEnumType.Accepted }, ct => SendReportsAsync(reports, ct));
    }

    public GetCompositeScheduleResponse GetCompositeSchedule(GetCompositeScheduleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = Context();
        var unit = request.ChargingRateUnit is { } u ? ChargingProfileWireMapper.RateUnit(u)
            : context.Settings.RateUnits.Contains(ChargingRateUnit.W) ? ChargingRateUnit.W : ChargingRateUnit.A;
        var refusal = request.Duration is < 0 or > CompositeScheduleCalculator.MaxDuration ? ("OutOfRange", "duration exceeds 31 days")
            : request.EvseId != 0 && !context.Evses.ContainsKey(request.EvseId) ? ("UnknownEvse", "evseId does not exist on this station")
            : !context.Settings.RateUnits.Contains(unit) ? ("UnsupportedRateUnit", "K08.FR.05: chargingRateUnit not in SmartChargingCtrlr.RateUnit")
            : default((string Code, string Info)?);
        if (refusal is { } r)
        {
            return new GetCompositeScheduleResponse
            {
                Status = GenericStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = r.Code, AdditionalInfo = r.Info },
            };
        }

        var schedule = Composite(request.EvseId, request.Duration, unit, context);
        return new GetCompositeScheduleResponse { Status = GenericStatusEnumType.Accepted, Schedule = SmartChargingRequestMapper.ToWire(schedule) };
    }

    /// <summary>
    /// The composite schedule from now for one EVSE (or 0 for the station): what the charge loop must follow.
    /// <paramref name="duration"/> is 0..<see cref="CompositeScheduleCalculator.MaxDuration"/> seconds.
    /// </summary>
    public CompositeSchedule Composite(int evseId, int duration, ChargingRateUnit unit) => Composite(evseId, duration, unit, Context());

    private CompositeSchedule Composite(int evseId, int duration, ChargingRateUnit unit, ProfileValidationContext context)
    {
        var window = new CompositeScheduleRequest(_time.GetUtcNow(), duration, evseId, unit);
        var profiles = _store.Profiles;
        if (evseId == 0)
        {
            var evses = context.Evses.OrderBy(e => e.Key).Select(e => new StationEvse(e.Key, e.Value.Capabilities, e.Value.Transaction)).ToList();
            return StationCompositeCalculator.Calculate(window, profiles, evses, _station.Connection);
        }

        var evse = context.Evses.TryGetValue(evseId, out var state) ? state : throw new ArgumentOutOfRangeException(nameof(evseId), evseId, "No such EVSE");
        return CompositeScheduleCalculator.Calculate(window, profiles, evse.Capabilities, evse.Transaction);
    }

    public UpdateDynamicScheduleResponse UpdateDynamicSchedule(UpdateDynamicScheduleRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verdict = _store.UpdateDynamicSchedule(
            request.ChargingProfileId, SmartChargingRequestMapper.ToDomain(request.ScheduleUpdate), _time.GetUtcNow(), Context());
        if (verdict is not { } v)
        {
            return new UpdateDynamicScheduleResponse
            {
                Status = ChargingProfileStatusEnumType.Rejected,
                StatusInfo = new StatusInfoType { ReasonCode = "UnknownProfile", AdditionalInfo = "No Dynamic charging profile with this id is installed" },
            };
        }

        if (v != ChargingProfileVerdict.Accepted)
        {
            LogProfileRejected(request.ChargingProfileId, -1, v);
        }
        else
        {
            ProfilesChanged?.Invoke();
        }

        return new UpdateDynamicScheduleResponse
        {
            Status = v == ChargingProfileVerdict.Accepted ? ChargingProfileStatusEnumType.Accepted : ChargingProfileStatusEnumType.Rejected,
            StatusInfo = StatusInfo(v),
        };
    }

    /// <summary>The station as it is now, with each running transaction's priority-charging switch applied.</summary>
    private ProfileValidationContext Context()
    {
        var context = _station.Current();
        if (_priorityCharging.IsEmpty)
        {
            return context;
        }

        var evses = context.Evses;
        foreach (var (id, evse) in context.Evses)
        {
            if (evse.Transaction is { } transaction && IsPriorityCharging(transaction.TransactionId))
            {
                evses = evses.SetItem(id, evse with { Transaction = transaction with { PriorityChargingActive = true } });
            }
        }

        return context with { Evses = evses };
    }

    /// <summary>A TxProfile lives only as long as its transaction (K01.FR.05); dropped lazily once it ended.</summary>
    private void PruneEndedTransactions(ProfileValidationContext context)
    {
        var running = context.Evses.Values.Select(e => e.Transaction?.TransactionId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ended = _store.Profiles
            .Where(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.TxProfile && p.Profile.TransactionId is { } id && !running.Contains(id))
            .Select(p => p.Profile.TransactionId!)
            .Distinct(StringComparer.Ordinal);
        foreach (var transactionId in ended)
        {
            _store.RemoveTransactionProfiles(transactionId);
        }

        // Priority charging ends with its transaction.
        foreach (var transactionId in _priorityCharging.Keys.Where(id => !running.Contains(id)))
        {
            _priorityCharging.TryRemove(transactionId, out _);
        }
    }

    private static StatusInfoType? StatusInfo(ChargingProfileVerdict verdict) => verdict == ChargingProfileVerdict.Accepted
        ? null
        : new StatusInfoType { ReasonCode = ChargingProfileVerdictReasons.ReasonCode(verdict), AdditionalInfo = ChargingProfileVerdictReasons.AdditionalInfo(verdict) };

    private async Task SendReportsAsync(List<ReportChargingProfilesRequest> reports, CancellationToken cancellationToken)
    {
        for (var i = 0; i < reports.Count; i++)
        {
            var report = i < reports.Count - 1 ? reports[i] with { Tbc = true } : reports[i];
            var result = await _rpc.CallAsync<ReportChargingProfilesRequest, ReportChargingProfilesResponse>(report, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                LogReportAborted(report.RequestId, i, result.ToString());
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Charging profile {ProfileId} for EVSE {EvseId} rejected: {Verdict}")]
    private partial void LogProfileRejected(int profileId, int evseId, ChargingProfileVerdict verdict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ReportChargingProfiles {RequestId} stopped at part {Part}: {Result}")]
    private partial void LogReportAborted(int requestId, int part, string result);
}
