using System.Collections.Immutable;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// The station's smart-charging state: the installed profiles, each EVSE's capabilities, running transaction and
/// its priority-charging switch, and the latest AFRR signal. Computes the composite schedule in force (K08) and
/// raises <see cref="Changed"/> on every change so the energy decision is re-evaluated at once.
/// </summary>
public sealed class ChargingSchedules
{
    private readonly Lock _gate = new();
    private ChargingProfileStore _store;
    private readonly SmartChargingSettings _settings;
    private ImmutableDictionary<int, EvseState> _evses = ImmutableDictionary<int, EvseState>.Empty;
    private AfrrSignal? _afrr;

    public ChargingSchedules(ChargingProfileStore store, SmartChargingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(settings);
        _store = store;
        _settings = settings;
    }

    public event Action<int>? Changed;

    /// <summary>Follows the OCPP client's profile store (the profiles the CSMS installs) instead of the local one.</summary>
    public void UseStore(ChargingProfileStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        lock (_gate)
        {
            _store = store;
        }

        ProfilesChanged();
    }

    /// <summary>The CSMS installed, cleared or updated a profile: every EVSE re-reads its composite schedule.</summary>
    public void ProfilesChanged() => Changed?.Invoke(0);

    public void RegisterEvse(int evseId, EvseCapabilities capabilities, ImmutableHashSet<OperationMode> modes)
    {
        lock (_gate)
        {
            _evses = _evses.SetItem(evseId, new EvseState(capabilities) { SupportedOperationModes = modes });
        }
    }

    private ChargingProfileStore Store
    {
        get
        {
            lock (_gate)
            {
                return _store;
            }
        }
    }

    public ActiveTransaction? Transaction(int evseId)
    {
        lock (_gate)
        {
            return _evses.TryGetValue(evseId, out var evse) ? evse.Transaction : null;
        }
    }

    public void SetTransaction(int evseId, ActiveTransaction? transaction)
    {
        string? ended = null;
        lock (_gate)
        {
            var evse = _evses[evseId];
            ended = transaction is null ? evse.Transaction?.TransactionId : null;
            _evses = _evses.SetItem(evseId, evse with { Transaction = transaction });
        }

        if (ended is not null)
        {
            // A TxProfile lives as long as its transaction (K01.FR.05).
            Store.RemoveTransactionProfiles(ended);
        }

        Changed?.Invoke(evseId);
    }

    /// <summary>
    /// K21/K22: priority charging switched on or off for <paramref name="transactionId"/> (ignored when the EVSE no
    /// longer runs it): while on, the PriorityCharging profile replaces the Tx and TxDefault profiles.
    /// </summary>
    public void SetPriorityCharging(int evseId, string transactionId, bool active)
    {
        lock (_gate)
        {
            if (!_evses.TryGetValue(evseId, out var evse) || evse.Transaction is not { } transaction || transaction.TransactionId != transactionId)
            {
                return;
            }

            _evses = _evses.SetItem(evseId, evse with { Transaction = transaction with { PriorityChargingActive = active } });
        }

        Changed?.Invoke(evseId);
    }

    /// <summary>Whether a PriorityCharging profile is installed for the EVSE or the whole station (K21/K22: else NoProfile).</summary>
    public bool HasPriorityProfile(int evseId) =>
        Store.Profiles.Any(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.PriorityCharging && (p.EvseId == evseId || p.EvseId == 0));

    /// <summary>Q08: the CSMS's AFRR signal; from its timestamp on it drives the power of periods with a v2xSignalWattCurve.</summary>
    public void AfrrSignalReceived(AfrrSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        Volatile.Write(ref _afrr, signal);
        Changed?.Invoke(0);
    }

    /// <summary>
    /// What the energy calculator follows now: the composite schedule's period in force in W at
    /// <paramref name="voltageVolts"/>, with an AFRR signal in force applied through the period's v2xSignalWattCurve.
    /// </summary>
    public ScheduleLimit? LimitAt(int evseId, DateTimeOffset now, double voltageVolts)
    {
        var afrr = Volatile.Read(ref _afrr) is { } signal && signal.Timestamp <= now ? signal.Signal : (int?)null;
        return ScheduleLimitReader.At(Composite(evseId, now), now, voltageVolts, afrrSignal: afrr);
    }

    /// <summary>
    /// A local external system (site EMS) sets a ChargingStationExternalConstraints profile in the store the station
    /// follows (K11/K12), validated against the station's present state.
    /// </summary>
    public ChargingProfileVerdict SetExternalProfile(int evseId, ChargingProfile profile, string chargingLimitSource)
    {
        ChargingProfileVerdict verdict;
        lock (_gate)
        {
            verdict = _store.SetExternalProfile(evseId, profile, chargingLimitSource, new ProfileValidationContext(_settings, _evses));
        }

        Changed?.Invoke(evseId);
        return verdict;
    }

    /// <summary>The external system withdrew its profile (K13).</summary>
    public bool ClearExternalProfile(int chargingProfileId)
    {
        var cleared = Store.ClearExternalProfile(chargingProfileId);
        Changed?.Invoke(0);
        return cleared;
    }

    /// <summary>SetChargingProfileRequest: validated against the station's present state, installed or rejected.</summary>
    public ChargingProfileVerdict SetChargingProfile(int evseId, ChargingProfile profile)
    {
        ChargingProfileVerdict verdict;
        lock (_gate)
        {
            verdict = _store.SetChargingProfile(evseId, profile, new ProfileValidationContext(_settings, _evses));
        }

        Changed?.Invoke(evseId);
        return verdict;
    }

    /// <summary>The composite schedule of <paramref name="evseId"/> for the next minute, in W.</summary>
    public CompositeSchedule Composite(int evseId, DateTimeOffset now) => Composite(evseId, now, 60);

    /// <summary>The composite schedule of <paramref name="evseId"/> for <paramref name="durationSeconds"/>, in W
    /// (ISO 15118-20 Scheduled mode asks for the schedule up to departure).</summary>
    public CompositeSchedule Composite(int evseId, DateTimeOffset now, int durationSeconds)
    {
        EvseState evse;
        ChargingProfileStore store;
        lock (_gate)
        {
            evse = _evses[evseId];
            store = _store;
        }

        return CompositeScheduleCalculator.Calculate(
            new CompositeScheduleRequest(now, durationSeconds, evseId, ChargingRateUnit.W), store.Profiles, evse.Capabilities, evse.Transaction);
    }
}
