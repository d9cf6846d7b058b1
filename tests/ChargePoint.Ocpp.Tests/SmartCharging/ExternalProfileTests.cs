using ChargePoint.Ocpp.SmartCharging;
using static ChargePoint.Ocpp.SmartCharging.ChargingProfilePurpose;
using static ChargePoint.Ocpp.SmartCharging.ChargingRateUnit;
using static ChargePoint.Ocpp.Tests.SmartCharging.Profiles;

namespace ChargePoint.Ocpp.Tests.SmartCharging;

/// <summary>Profiles from a local external system: their own id range, never touched by the CSMS.</summary>
public sealed class ExternalProfileTests
{
    private static readonly ProfileValidationContext Context = ValidationStation.Context;
    private static readonly ChargingProfile GridLimit = Absolute(-1, ChargingStationExternalConstraints, 0, T0, A, P(0, 12));

    [Fact]
    public void An_external_limit_is_installed_reported_and_applied()
    {
        var store = new ChargingProfileStore();

        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetExternalProfile(0, GridLimit, "EMS", Context));

        var reported = Assert.Single(store.Find(new ChargingProfileCriteria { ChargingLimitSource = ["EMS"] }));
        Assert.Equal(GridLimit, reported.Profile);
        var schedule = CompositeScheduleCalculator.Calculate(new CompositeScheduleRequest(T0, 600, 1, A), store.Profiles, Ac3Phase32A, null);
        Assert.Equal([(0, 12.0)], schedule.Limits());
    }

    [Fact]
    public void The_CSMS_cannot_clear_or_replace_it_but_the_external_system_can()
    {
        var store = new ChargingProfileStore();
        store.SetExternalProfile(0, GridLimit, "EMS", Context);

        Assert.Equal(ClearChargingProfileStatus.Unknown, store.Clear(new ClearChargingProfileCriteria { ChargingProfileId = -1 }));
        Assert.Equal(ChargingProfileVerdict.ReplacesExternalConstraints,
            store.SetChargingProfile(0, Absolute(-1, TxDefaultProfile, 0, T0, A, P(0, 32)), Context));
        Assert.Equal(ChargingProfileVerdict.Accepted, store.SetExternalProfile(0, GridLimit with { StackLevel = 2 }, "EMS", Context));
        Assert.Equal(2, Assert.Single(store.Profiles).Profile.StackLevel);

        Assert.True(store.ClearExternalProfile(-1));
        Assert.False(store.ClearExternalProfile(-1));
        Assert.Empty(store.Profiles);
    }

    [Fact]
    public void The_external_system_cannot_replace_a_CSMS_profile()
    {
        var store = new ChargingProfileStore();
        store.SetChargingProfile(0, Absolute(5, TxDefaultProfile, 0, T0, A, P(0, 32)), Context);
        var reserved = Context with { Settings = Context.Settings with { MaxExternalConstraintsId = 10 } };

        Assert.Equal(ChargingProfileVerdict.ReplacesCsmsProfile, store.SetExternalProfile(0, GridLimit with { Id = 5 }, "EMS", reserved));
        Assert.False(store.ClearExternalProfile(5));
        Assert.Equal(TxDefaultProfile, Assert.Single(store.Profiles).Profile.ChargingProfilePurpose);
    }

    [Theory]
    [InlineData(3, null, ChargingProfileVerdict.ExternalIdOutOfRange)]
    [InlineData(-3, null, ChargingProfileVerdict.Accepted)]
    [InlineData(100, 100, ChargingProfileVerdict.Accepted)]
    [InlineData(101, 100, ChargingProfileVerdict.ExternalIdOutOfRange)]
    public void External_ids_stay_in_their_range_K11_FR_06(int id, int? maxExternalId, ChargingProfileVerdict expected)
    {
        var context = Context with { Settings = Context.Settings with { MaxExternalConstraintsId = maxExternalId } };

        Assert.Equal(expected, ChargingProfileValidator.Validate(0, GridLimit with { Id = id }, context, [], ProfileOrigin.ExternalSystem));
    }

    [Fact]
    public void An_external_system_sets_only_external_constraints_or_local_generation()
    {
        var withLocalGeneration = Context with { Settings = Context.Settings with { SupportedAdditionalPurposes = [LocalGeneration] } };

        Assert.Equal(ChargingProfileVerdict.PurposeNotForExternalSystem,
            ChargingProfileValidator.Validate(0, GridLimit with { ChargingProfilePurpose = TxDefaultProfile }, Context, [], ProfileOrigin.ExternalSystem));
        Assert.Equal(ChargingProfileVerdict.UnsupportedAdditionalPurpose,
            ChargingProfileValidator.Validate(0, GridLimit with { ChargingProfilePurpose = LocalGeneration }, Context, [], ProfileOrigin.ExternalSystem));
        Assert.Equal(ChargingProfileVerdict.Accepted,
            ChargingProfileValidator.Validate(0, GridLimit with { ChargingProfilePurpose = LocalGeneration }, withLocalGeneration, [], ProfileOrigin.ExternalSystem));
    }

    [Fact]
    public void The_source_must_fit_the_schema_and_differ_from_CSO()
    {
        var store = new ChargingProfileStore();

        Assert.Throws<ArgumentException>(() => store.SetExternalProfile(0, GridLimit, "CSO", Context));
        Assert.Throws<ArgumentException>(() => store.SetExternalProfile(0, GridLimit, new string('x', 21), Context));
        Assert.Empty(store.Profiles);
    }
}
