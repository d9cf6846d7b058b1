using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

public sealed class ChargingProfileStoreTests
{
    private static readonly ProfileValidationContext Context = ValidationStation.Context;
    private static readonly ChargingProfile Default = Absolute(10, TxDefaultProfile, 0, T0, A, P(0, 16));
    private static readonly ChargingProfile StationMax = Absolute(20, ChargingStationMaxProfile, 1, T0, A, P(0, 25));
    private static readonly ChargingProfile Tx = Absolute(30, TxProfile, 2, T0, A, P(0, 6)) with { TransactionId = "tx-1" };

    private static ChargingProfileStore StoreWithThree(InMemoryPersistence? persistence = null)
    {
        var store = new ChargingProfileStore(persistence);
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(0, Default, Context));
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(0, StationMax, Context));
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(1, Tx, Context));
        return store;
    }

    [Fact]
    public void Same_id_replaces_the_installed_profile_K01_FR_05()
    {
        var store = StoreWithThree();
        var replacement = Default with { StackLevel = 4 };

        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(2, replacement, Context));

        var installed = Assert.Single(store.Profiles, p => p.Profile.Id == 10);
        Assert.Equal((2, 4), (installed.EvseId, installed.Profile.StackLevel));
        Assert.Equal(3, store.Profiles.Length);
    }

    [Fact]
    public void A_rejected_request_changes_nothing_installed_or_persisted()
    {
        var persistence = new InMemoryPersistence();
        var store = StoreWithThree(persistence);
        var before = store.Profiles;
        var writes = persistence.Writes;

        var badReplacement = Default.WithSchedule(s => s with { ChargingSchedulePeriod = [P(60, 16)] });
        Assert.Equal(ChargingProfileVerdict.FirstPeriodNotZero, store.SetChargingProfile(0, badReplacement, Context));
        Assert.Equal(ChargingProfileVerdict.DischargeNotSupported, store.SetChargingProfile(2, Default with { Id = 99, ChargingSchedule = [Schedule(A, P(0, -5)) with { StartSchedule = T0 }] }, Context));

        Assert.Equal(before, store.Profiles);
        Assert.Equal(writes, persistence.Writes);
    }

    [Fact]
    public void A_failing_write_leaves_the_installed_profiles_unchanged()
    {
        var persistence = new InMemoryPersistence();
        var store = StoreWithThree(persistence);
        var before = store.Profiles;
        persistence.FailWrites = true;

        Assert.Throws<IOException>(() => store.SetChargingProfile(0, Default with { StackLevel = 5 }, Context));
        Assert.Throws<IOException>(() => store.Clear(new ClearChargingProfileCriteria()));

        Assert.Equal(before, store.Profiles);
    }

    [Fact]
    public void Profiles_survive_a_restart_except_TxProfiles_by_default()
    {
        var persistence = new InMemoryPersistence();
        _ = StoreWithThree(persistence);

        var restarted = new ChargingProfileStore(persistence);

        Assert.Equal([10, 20], restarted.Profiles.Select(p => p.Profile.Id).Order());
    }

    [Fact]
    public void TxProfiles_persist_when_the_device_model_says_so()
    {
        var persistence = new InMemoryPersistence();
        var store = new ChargingProfileStore(persistence, new ProfilePersistencePolicy(TxProfile: true));

        store.SetChargingProfile(1, Tx, Context);

        Assert.Equal(30, Assert.Single(persistence.Rows).Profile.Id);
    }

    [Fact]
    public void Clear_by_id_by_criteria_and_everything()
    {
        var store = StoreWithThree();

        Assert.Equal(ClearChargingProfileStatus.Accepted, store.Clear(new ClearChargingProfileCriteria { ChargingProfileId = 20 }));
        Assert.Equal(ClearChargingProfileStatus.Unknown, store.Clear(new ClearChargingProfileCriteria { ChargingProfileId = 20 }));
        Assert.Equal(ClearChargingProfileStatus.Unknown, store.Clear(new ClearChargingProfileCriteria { EvseId = 1, ChargingProfilePurpose = TxDefaultProfile }));
        Assert.Equal(ClearChargingProfileStatus.Accepted, store.Clear(new ClearChargingProfileCriteria { EvseId = 1, StackLevel = 2 }));
        Assert.Equal([10], store.Profiles.Select(p => p.Profile.Id));
        Assert.Equal(ClearChargingProfileStatus.Accepted, store.Clear(new ClearChargingProfileCriteria()));
        Assert.Empty(store.Profiles);
    }

    [Fact]
    public void External_constraints_are_never_cleared_by_the_CSMS_K01_FR_22()
    {
        var external = new InstalledChargingProfile(0, Absolute(-1, ChargingStationExternalConstraints, 0, T0, A, P(0, 20)), "EMS");
        var persistence = new InMemoryPersistence();
        persistence.Save(external);
        var store = new ChargingProfileStore(persistence);

        Assert.Equal(ClearChargingProfileStatus.Unknown, store.Clear(new ClearChargingProfileCriteria { ChargingProfilePurpose = ChargingStationExternalConstraints }));
        Assert.Equal(ClearChargingProfileStatus.Unknown, store.Clear(new ClearChargingProfileCriteria { ChargingProfileId = -1 }));
        Assert.Equal(ClearChargingProfileStatus.Unknown, store.Clear(new ClearChargingProfileCriteria()));
        Assert.Equal(external, Assert.Single(store.Profiles));
    }

    [Fact]
    public void Find_selects_by_every_criterion_given()
    {
        var store = StoreWithThree();

        Assert.Equal(3, store.Find(new ChargingProfileCriteria()).Length);
        Assert.Equal([10, 20], store.Find(new ChargingProfileCriteria { EvseId = 0 }).Select(p => p.Profile.Id));
        Assert.Equal([30], store.Find(new ChargingProfileCriteria { ChargingProfilePurpose = TxProfile }).Select(p => p.Profile.Id));
        Assert.Equal([20], store.Find(new ChargingProfileCriteria { StackLevel = 1 }).Select(p => p.Profile.Id));
        Assert.Equal([10, 30], store.Find(new ChargingProfileCriteria { ChargingProfileId = [10, 30, 99] }).Select(p => p.Profile.Id));
        Assert.Equal(3, store.Find(new ChargingProfileCriteria { ChargingLimitSource = ["CSO"] }).Length);
        Assert.Empty(store.Find(new ChargingProfileCriteria { ChargingLimitSource = ["EMS"] }));
        Assert.Empty(store.Find(new ChargingProfileCriteria { EvseId = 0, ChargingProfilePurpose = TxProfile }));
    }

    [Fact]
    public void Ending_a_transaction_removes_its_TxProfiles_only()
    {
        var store = StoreWithThree();

        Assert.Equal(0, store.RemoveTransactionProfiles("tx-2"));
        Assert.Equal(1, store.RemoveTransactionProfiles("tx-1"));

        Assert.Equal([10, 20], store.Profiles.Select(p => p.Profile.Id));
    }

    [Fact]
    public void UpdateDynamicSchedule_changes_the_values_the_composite_uses()
    {
        var store = new ChargingProfileStore();
        var dynamic = new ChargingProfile(40, 0, TxProfile, ChargingProfileKind.Dynamic,
            [Schedule(W, P(0, 7_000) with { OperationMode = OperationMode.CentralSetpoint, Setpoint = 3_000 })])
        {
            TransactionId = "tx-1",
            DynUpdateInterval = 60,
        };
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(1, dynamic, Context));
        var tx = new ActiveTransaction("tx-1", T0);

        var update = new ChargingScheduleUpdate { Setpoint = -4_000, DischargeLimit = -5_000 };
        Assert.Equal(ChargingProfileVerdict.Accepted, store.UpdateDynamicSchedule(40, update, T0.AddMinutes(1), Context));

        var installed = Assert.Single(store.Profiles).Profile;
        Assert.Equal(T0.AddMinutes(1), installed.DynUpdateTime);
        var period = Assert.Single(CompositeScheduleCalculator.Calculate(
            new CompositeScheduleRequest(T0.AddMinutes(1), 60, 1, W), store.Profiles, BidirectionalAc, tx).ChargingSchedulePeriod);
        Assert.Equal((7_000.0, -5_000.0, (double?)-4_000.0), (period.Limit, period.DischargeLimit, period.Setpoint));
    }

    [Fact]
    public void UpdateDynamicSchedule_rejects_bad_values_and_unknown_profiles_without_change()
    {
        var store = StoreWithThree();
        var before = store.Profiles;

        Assert.Null(store.UpdateDynamicSchedule(99, new ChargingScheduleUpdate { Limit = 5 }, T0, Context));
        Assert.Null(store.UpdateDynamicSchedule(10, new ChargingScheduleUpdate { Limit = 5 }, T0, Context));

        var dynamic = new ChargingProfile(41, 0, TxDefaultProfile, ChargingProfileKind.Dynamic, [Schedule(A, P(0, 10))]);
        var noCapacity = Context with { Settings = Context.Settings with { MaxProfiles = 10 } };
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(2, dynamic, noCapacity));
        var withDynamic = store.Profiles;
        Assert.Equal(ChargingProfileVerdict.DischargeNotSupported,
            store.UpdateDynamicSchedule(41, new ChargingScheduleUpdate { Setpoint = -3 }, T0, noCapacity));
        Assert.Equal(withDynamic, store.Profiles);
        Assert.NotEqual(before, withDynamic);
    }
}
