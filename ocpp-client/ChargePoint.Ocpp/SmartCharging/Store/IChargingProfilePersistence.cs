namespace ChargePoint.Ocpp.SmartCharging;

/// <summary>
/// Durable storage behind <see cref="ChargingProfileStore"/>. The store writes here before it changes its
/// in-memory state, so a failing write (an exception) leaves both unchanged.
/// </summary>
public interface IChargingProfilePersistence
{
    IReadOnlyList<InstalledChargingProfile> LoadAll();

    /// <summary>Inserts or replaces the profile with the same id.</summary>
    void Save(InstalledChargingProfile profile);

    void Delete(IReadOnlyCollection<int> profileIds);
}
