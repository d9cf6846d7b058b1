using System.Collections.Immutable;

namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// The installed charging profiles: SetChargingProfile (validated first; a rejected request changes nothing),
/// ClearChargingProfile, GetChargingProfiles, UpdateDynamicSchedule and the end of a transaction.
/// Writes go to persistence first (as the policy says), then the in-memory snapshot is swapped.
/// </summary>
public sealed class ChargingProfileStore
{
    private readonly Lock _gate = new();
    private readonly IChargingProfilePersistence? _persistence;
    private readonly ProfilePersistencePolicy _policy;
    private ImmutableArray<InstalledChargingProfile> _profiles;

    public ChargingProfileStore(IChargingProfilePersistence? persistence = null, ProfilePersistencePolicy? policy = null)
    {
        _persistence = persistence;
        _policy = policy ?? new ProfilePersistencePolicy();
        _profiles = persistence is null ? [] : [.. persistence.LoadAll()];
    }

    /// <summary>The installed profiles, an immutable snapshot for the composite schedule.</summary>
    public ImmutableArray<InstalledChargingProfile> Profiles
    {
        get
        {
            lock (_gate)
            {
                return _profiles;
            }
        }
    }

    public ChargingProfileVerdict SetChargingProfile(int evseId, ChargingProfile profile, ProfileValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_gate)
        {
            var verdict = ChargingProfileValidator.Validate(evseId, profile, context, _profiles);
            if (verdict == ChargingProfileVerdict.Accepted)
            {
                Install(new InstalledChargingProfile(evseId, profile));
            }

            return verdict;
        }
    }

    /// <summary>
    /// A local external system (EMS, grid operator box) sets ChargingStationExternalConstraints or LocalGeneration;
    /// <paramref name="chargingLimitSource"/> (at most 20 characters, e.g. EMS or SO) is reported in GetChargingProfiles.
    /// </summary>
    public ChargingProfileVerdict SetExternalProfile(
        int evseId, ChargingProfile profile, string chargingLimitSource, ProfileValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentException.ThrowIfNullOrEmpty(chargingLimitSource);
        if (chargingLimitSource.Length > 20 || chargingLimitSource == InstalledChargingProfile.CsoSource)
        {
            throw new ArgumentException("An external chargingLimitSource has 1 to 20 characters and is not CSO.", nameof(chargingLimitSource));
        }

        lock (_gate)
        {
            var verdict = ChargingProfileValidator.Validate(evseId, profile, context, _profiles, ProfileOrigin.ExternalSystem);
            if (verdict == ChargingProfileVerdict.Accepted)
            {
                Install(new InstalledChargingProfile(evseId, profile, chargingLimitSource));
            }

            return verdict;
        }
    }

    /// <summary>The external system withdraws one of its profiles; false when no such external profile is installed.</summary>
    public bool ClearExternalProfile(int chargingProfileId)
    {
        lock (_gate)
        {
            return RemoveWhere(p => p.Profile.Id == chargingProfileId && p.ChargingLimitSource != InstalledChargingProfile.CsoSource) > 0;
        }
    }

    /// <summary>
    /// UpdateDynamicSchedule (CSMS) or a PullDynamicScheduleUpdate answer: replaces values of a Dynamic profile's
    /// period and stamps dynUpdateTime. The updated profile must pass validation, or nothing changes.
    /// </summary>
    public ChargingProfileVerdict? UpdateDynamicSchedule(
        int chargingProfileId, ChargingScheduleUpdate update, DateTimeOffset now, ProfileValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var index = IndexOf(chargingProfileId);
            if (index < 0 || _profiles[index].Profile.ChargingProfileKind != ChargingProfileKind.Dynamic)
            {
                return null;
            }

            var installed = _profiles[index];
            var schedules = installed.Profile.ChargingSchedule.Select(s =>
                s with { ChargingSchedulePeriod = [.. s.ChargingSchedulePeriod.Select(update.ApplyTo)] });
            var updated = installed.Profile with { ChargingSchedule = [.. schedules], DynUpdateTime = now };
            var origin = installed.ChargingLimitSource == InstalledChargingProfile.CsoSource ? ProfileOrigin.Csms : ProfileOrigin.ExternalSystem;
            var verdict = ChargingProfileValidator.Validate(installed.EvseId, updated, context, _profiles, origin);
            if (verdict == ChargingProfileVerdict.Accepted)
            {
                Install(installed with { Profile = updated });
            }

            return verdict;
        }
    }

    /// <summary>ClearChargingProfile: ChargingStationExternalConstraints are never cleared by the CSMS (K01.FR.22).</summary>
    public ClearChargingProfileStatus Clear(ClearChargingProfileCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (criteria.ChargingProfilePurpose == ChargingProfilePurpose.ChargingStationExternalConstraints)
        {
            return ClearChargingProfileStatus.Unknown;
        }

        lock (_gate)
        {
            var cleared = RemoveWhere(p => p.Profile.ChargingProfilePurpose != ChargingProfilePurpose.ChargingStationExternalConstraints
                && (criteria.ChargingProfileId is not { } id || p.Profile.Id == id)
                && (criteria.EvseId is not { } evse || p.EvseId == evse)
                && (criteria.ChargingProfilePurpose is not { } purpose || p.Profile.ChargingProfilePurpose == purpose)
                && (criteria.StackLevel is not { } level || p.Profile.StackLevel == level));
            return cleared > 0 ? ClearChargingProfileStatus.Accepted : ClearChargingProfileStatus.Unknown;
        }
    }

    /// <summary>GetChargingProfiles: the profiles to report in ReportChargingProfiles (empty means NoProfiles).</summary>
    public ImmutableArray<InstalledChargingProfile> Find(ChargingProfileCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return [.. Profiles.Where(criteria.Matches)];
    }

    /// <summary>A TxProfile lives only as long as its transaction.</summary>
    public int RemoveTransactionProfiles(string transactionId)
    {
        lock (_gate)
        {
            return RemoveWhere(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurpose.TxProfile
                && string.Equals(p.Profile.TransactionId, transactionId, StringComparison.Ordinal));
        }
    }

    private void Install(InstalledChargingProfile installed)
    {
        var index = IndexOf(installed.Profile.Id);
        if (_persistence is not null)
        {
            if (_policy.Persists(installed.Profile.ChargingProfilePurpose))
            {
                _persistence.Save(installed);
            }
            else if (index >= 0)
            {
                // The replaced version may have been persisted under a purpose that persists.
                _persistence.Delete([installed.Profile.Id]);
            }
        }

        var next = index >= 0 ? _profiles.SetItem(index, installed) : _profiles.Add(installed);
        _profiles = next;
    }

    private int RemoveWhere(Func<InstalledChargingProfile, bool> predicate)
    {
        var removed = _profiles.Where(predicate).Select(p => p.Profile.Id).ToArray();
        if (removed.Length > 0)
        {
            _persistence?.Delete(removed);
            _profiles = [.. _profiles.Where(p => !predicate(p))];
        }

        return removed.Length;
    }

    private int IndexOf(int profileId)
    {
        for (var i = 0; i < _profiles.Length; i++)
        {
            if (_profiles[i].Profile.Id == profileId)
            {
                return i;
            }
        }

        return -1;
    }
}
