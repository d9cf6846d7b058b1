using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Firmware.Energy;

/// <summary>
/// The site energy manager's limit as the ChargingStationExternalConstraints profile the composite schedule caps
/// with: one Absolute period from now in W, limit = the charge ceiling and, when a discharge ceiling is given,
/// dischargeLimit = its negative in operationMode ExternalLimits (a charge-only ceiling stays ChargingOnly, so it
/// also holds on a station without V2X). Ids are negative (K11.FR.06 note, no MaxExternalConstraintsId): one per
/// EVSE (0 = the grid connection), so a new limit replaces the previous one.
/// </summary>
public static class SiteLimitProfile
{
    public static int IdFor(int evseId) => -1 - evseId;

    public static ChargingProfile Build(int evseId, double chargeLimitWatts, double? dischargeLimitWatts, DateTimeOffset now)
    {
        var period = new ChargingSchedulePeriod(0)
        {
            Limit = chargeLimitWatts,
            DischargeLimit = dischargeLimitWatts is { } discharge ? -Math.Abs(discharge) : null,
            OperationMode = dischargeLimitWatts is null ? OperationMode.ChargingOnly : OperationMode.ExternalLimits,
        };
        var start = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return new ChargingProfile(
            IdFor(evseId),
            0,
            ChargingProfilePurpose.ChargingStationExternalConstraints,
            ChargingProfileKind.Absolute,
            [new ChargingSchedule(1, ChargingRateUnit.W, [period]) { StartSchedule = start }]);
    }
}
