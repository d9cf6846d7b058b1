using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>A persistence double that records what was written and can be told to fail like a full disk.</summary>
internal sealed class InMemoryPersistence : IChargingProfilePersistence
{
    private readonly Dictionary<int, InstalledChargingProfile> _rows = [];

    public bool FailWrites { get; set; }
    public int Writes { get; private set; }
    public IReadOnlyCollection<InstalledChargingProfile> Rows => _rows.Values;

    public IReadOnlyList<InstalledChargingProfile> LoadAll() => [.. _rows.Values];

    public void Save(InstalledChargingProfile profile)
    {
        ThrowIfFailing();
        _rows[profile.Profile.Id] = profile;
    }

    public void Delete(IReadOnlyCollection<int> profileIds)
    {
        ThrowIfFailing();
        foreach (var id in profileIds)
        {
            _rows.Remove(id);
        }
    }

    private void ThrowIfFailing()
    {
        Writes++;
        if (FailWrites)
        {
            throw new IOException("disk full");
        }
    }
}
