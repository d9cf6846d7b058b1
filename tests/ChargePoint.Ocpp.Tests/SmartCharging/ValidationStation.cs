using System.Collections.Immutable;
using ChargePoint.Ocpp.SmartCharging;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>
/// The station the validation tests run against: EVSE 1 bidirectional with V2X on and transaction tx-1,
/// EVSE 2 charge-only with phase switching, no transaction.
/// </summary>
internal static class ValidationStation
{
    public static readonly SmartChargingSettings Settings = new()
    {
        PeriodsPerSchedule = 8,
        ProfileStackLevel = 10,
        MaxProfiles = 4,
        SupportedAdditionalPurposes = [ChargingProfilePurpose.PriorityCharging],
        SupportsDynamicProfiles = true,
    };

    public static readonly ProfileValidationContext Context = new(
        Settings,
        ImmutableDictionary<int, EvseState>.Empty
            .Add(1, new EvseState(Profiles.BidirectionalAc)
            {
                SupportedOperationModes = [OperationMode.ChargingOnly, OperationMode.CentralSetpoint, OperationMode.LocalFrequency],
                Transaction = new ActiveTransaction("tx-1", Profiles.T0),
            })
            .Add(2, new EvseState(Profiles.Ac3Phase32A) { AcPhaseSwitchingSupported = true }));
}
