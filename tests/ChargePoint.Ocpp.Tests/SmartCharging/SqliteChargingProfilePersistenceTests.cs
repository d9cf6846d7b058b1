using System.Text.Json;
using ChargePoint.Ocpp.SmartCharging;
using Microsoft.Data.Sqlite;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

public sealed class SqliteChargingProfilePersistenceTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"profiles-{Guid.NewGuid():N}.db");

    private static readonly ChargingProfile Rich = Recurring(7, TxDefaultProfile, 3, RecurrencyKind.Weekly, T0, 7_200, W,
        P(0, 11_000) with
        {
            OperationMode = OperationMode.LocalFrequency,
            DischargeLimit = -5_000,
            Setpoint = -2_500.5,
            SetpointReactive = 100,
            NumberPhases = 1,
            PhaseToUse = 2,
            V2xBaseline = 500,
            V2xFreqWattCurve = [new(49.8, 4_000), new(50.2, -4_000)],
            V2xSignalWattCurve = [new(-1, 1_000)],
            LimitL2 = 3_000,
            EvseSleep = false,
        },
        P(3_600, 7_000)) with
    {
        ValidFrom = T0,
        ValidTo = T0.AddDays(30),
        MaxOfflineDuration = 600,
        InvalidAfterOfflineDuration = true,
        DynUpdateInterval = 60,
    };

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public void Every_field_survives_a_restart()
    {
        new SqliteChargingProfilePersistence(_path).Save(new InstalledChargingProfile(2, Rich, "EMS"));

        var loaded = Assert.Single(new SqliteChargingProfilePersistence(_path).LoadAll());

        Assert.Equal((2, "EMS"), (loaded.EvseId, loaded.ChargingLimitSource));
        Assert.Equal(Json(Rich), Json(loaded.Profile));
    }

    [Fact]
    public void Save_replaces_by_id_and_delete_removes()
    {
        var persistence = new SqliteChargingProfilePersistence(_path);
        persistence.Save(Rich.On(0));
        persistence.Save((Rich with { StackLevel = 9 }).On(1));
        persistence.Save((Rich with { Id = 8 }).On(0));

        persistence.Delete([8, 99]);

        var loaded = Assert.Single(persistence.LoadAll());
        Assert.Equal((1, 9), (loaded.EvseId, loaded.Profile.StackLevel));
    }

    [Fact]
    public void An_unreadable_row_is_skipped_not_fatal()
    {
        var persistence = new SqliteChargingProfilePersistence(_path);
        persistence.Save(Rich.On(0));
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO charging_profiles VALUES (9, 0, 'CSO', '{not json'), (10, 0, 'CSO', '{}')";
            command.ExecuteNonQuery();
        }

        Assert.Equal([7], persistence.LoadAll().Select(p => p.Profile.Id));
    }

    [Fact]
    public void The_store_restores_from_it_after_a_reboot()
    {
        var store = new ChargingProfileStore(new SqliteChargingProfilePersistence(_path));
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(0, Absolute(1, ChargingStationMaxProfile, 0, T0, A, P(0, 20)), ValidationStation.Context));
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetChargingProfile(1, Absolute(2, TxProfile, 0, T0, A, P(0, 6)) with { TransactionId = "tx-1" }, ValidationStation.Context));
        store.Clear(new ClearChargingProfileCriteria { ChargingProfileId = 3 });

        var rebooted = new ChargingProfileStore(new SqliteChargingProfilePersistence(_path));

        // TxProfiles are not persisted by default (ChargingProfilePersistence[TxProfile] false).
        Assert.Equal([1], rebooted.Profiles.Select(p => p.Profile.Id));
    }
}
