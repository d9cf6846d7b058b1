namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// The profiles that apply to one EVSE (or, for evseId 0, to the station), laid out on the window and sorted
/// into precedence groups, ready to be swept in time order.
/// </summary>
internal sealed class EvseLane
{
    private static readonly int GroupCount = Enum.GetValues<PurposeGroup>().Length;
    private readonly List<ProfileTrack>[] _groups = new List<ProfileTrack>[GroupCount];

    public EvseLane(
        int evseId,
        IReadOnlyList<InstalledChargingProfile> profiles,
        ActiveTransaction? transaction,
        DateTimeOffset windowStart,
        long windowLength,
        DateTimeOffset? offlineSince)
    {
        for (var i = 0; i < _groups.Length; i++)
        {
            _groups[i] = [];
        }

        foreach (var installed in profiles)
        {
            // Installed profiles passed the validator (K01.FR.31/35: periods from 0, increasing); an empty one is skipped.
            if (GroupOf(installed, evseId, transaction) is { } group && !installed.Profile.ChargingSchedule.IsDefaultOrEmpty
                && !installed.Profile.ChargingSchedule[0].ChargingSchedulePeriod.IsDefaultOrEmpty)
            {
                _groups[(int)group].Add(ProfileExpander.Expand(installed, windowStart, windowLength, transaction, offlineSince));
            }
        }

        foreach (var group in _groups)
        {
            // Precedence inside a group: higher stackLevel, then EVSE-specific over station-wide, then the higher id.
            group.Sort(static (a, b) =>
                b.StackLevel != a.StackLevel ? b.StackLevel.CompareTo(a.StackLevel)
                : b.IsEvseSpecific != a.IsEvseSpecific ? b.IsEvseSpecific.CompareTo(a.IsEvseSpecific)
                : b.Installed.Profile.Id.CompareTo(a.Installed.Profile.Id));
        }
    }

    public IEnumerable<ProfileTrack> Tracks => _groups.SelectMany(g => g);

    /// <summary>The winner of every group at <paramref name="second"/>; calls must come in non-decreasing time order.</summary>
    public GroupWinners Winners(long second) => new()
    {
        PriorityCharging = Winner(PurposeGroup.PriorityCharging, second),
        Tx = Winner(PurposeGroup.Tx, second),
        TxDefault = Winner(PurposeGroup.TxDefault, second),
        StationMax = Winner(PurposeGroup.StationMax, second),
        StationExternalConstraints = Winner(PurposeGroup.StationExternalConstraints, second),
        EvseExternalConstraints = Winner(PurposeGroup.EvseExternalConstraints, second),
        LocalGeneration = Winner(PurposeGroup.LocalGeneration, second),
    };

    /// <summary>Which group a profile joins for this EVSE and transaction, or null when it does not apply.</summary>
    private static PurposeGroup? GroupOf(InstalledChargingProfile installed, int evseId, ActiveTransaction? transaction)
    {
        if (installed.EvseId != 0 && installed.EvseId != evseId)
        {
            return null;
        }

        var profile = installed.Profile;
        return profile.ChargingProfilePurpose switch
        {
            // A TxProfile belongs to one transaction on one EVSE (K01.FR.09/16/33).
            ChargingProfilePurpose.TxProfile when transaction is not null && installed.EvseId == evseId
                && (profile.TransactionId is null || profile.TransactionId == transaction.TransactionId) => PurposeGroup.Tx,
            ChargingProfilePurpose.TxProfile => null,
            ChargingProfilePurpose.TxDefaultProfile => PurposeGroup.TxDefault,
            ChargingProfilePurpose.PriorityCharging when transaction is { PriorityChargingActive: true } => PurposeGroup.PriorityCharging,
            ChargingProfilePurpose.PriorityCharging => null,

            // ChargingStationMaxProfile lives on evseId 0 only (K01.FR.03).
            ChargingProfilePurpose.ChargingStationMaxProfile when installed.EvseId == 0 => PurposeGroup.StationMax,
            ChargingProfilePurpose.ChargingStationMaxProfile => null,
            ChargingProfilePurpose.ChargingStationExternalConstraints when installed.EvseId == 0 => PurposeGroup.StationExternalConstraints,
            ChargingProfilePurpose.ChargingStationExternalConstraints => PurposeGroup.EvseExternalConstraints,
            ChargingProfilePurpose.LocalGeneration => PurposeGroup.LocalGeneration,
            _ => null,
        };
    }

    private WinningPeriod Winner(PurposeGroup group, long second)
    {
        // Every track's cursor must advance to this instant, so the first hit does not end the loop.
        WinningPeriod winner = default;
        foreach (var track in _groups[(int)group])
        {
            var period = track.PeriodAt(second);
            if (period is not null && !winner.Exists)
            {
                winner = new WinningPeriod(period, track.Schedule.ChargingRateUnit);
            }
        }

        return winner;
    }
}
