using ChargePoint.Firmware.Energy;
using ChargePoint.Ocpp.SmartCharging;
using ChargePoint.Ocpp.SmartCharging.Wire;

namespace ChargePoint.Firmware.Tests.Energy;

/// <summary>
/// What the charge loop follows (<see cref="ChargingSchedules.LimitAt"/>): the composite schedule in force in W,
/// priority charging switched per transaction (K21), an AFRR signal through the period's v2xSignalWattCurve on top
/// of its v2xBaseline (Q08), and the site's external constraint without a CSMS.
/// </summary>
public sealed class ChargingSchedulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly EvseCapabilities Dc = new()
    {
        IsDc = true,
        NominalVoltage = 400,
        MaxChargeCurrent = 125,
        MaxChargePower = 50_000,
        MaxDischargeCurrent = 125,
        MaxDischargePower = 50_000,
        SupportsDischarge = true,
        V2xEnabled = true,
    };

    private static ChargingSchedules Station(out ChargingProfileStore store)
    {
        store = new ChargingProfileStore();
        var schedules = new ChargingSchedules(store, new SmartChargingSettings { SupportedAdditionalPurposes = [ChargingProfilePurpose.PriorityCharging] });
        schedules.RegisterEvse(1, Dc, [OperationMode.ChargingOnly, OperationMode.CentralSetpoint, OperationMode.CentralFrequency, OperationMode.ExternalLimits]);
        schedules.SetTransaction(1, new ActiveTransaction("tx-1", Now.AddMinutes(-1)));
        return schedules;
    }

    private static ChargingProfile Tx(ChargingSchedulePeriod period) => new(10, 0, ChargingProfilePurpose.TxProfile, ChargingProfileKind.Absolute,
        [new ChargingSchedule(1, ChargingRateUnit.W, [period]) { StartSchedule = Now.AddMinutes(-1) }]) { TransactionId = "tx-1" };

    [Fact]
    public void An_afrr_signal_in_force_sets_the_power_through_the_signal_watt_curve_on_top_of_the_baseline_within_the_limits()
    {
        var schedules = Station(out _);
        var frequency = Tx(new ChargingSchedulePeriod(0)
        {
            Setpoint = 0,
            DischargeLimit = -8_000,
            V2xBaseline = 1_000,
            OperationMode = OperationMode.CentralFrequency,
            V2xSignalWattCurve = [new V2xSignalWattPoint(-100, -10_000), new V2xSignalWattPoint(100, 10_000)],
        });
        Assert.Equal(ChargingProfileVerdict.Accepted, schedules.SetChargingProfile(1, frequency));
        Assert.Equal(0, schedules.LimitAt(1, Now, 400)!.SetpointWatts);

        schedules.AfrrSignalReceived(new AfrrSignal(Now.AddSeconds(10), -50));
        var pending = schedules.LimitAt(1, Now, 400)!;
        var active = schedules.LimitAt(1, Now.AddSeconds(10), 400)!;
        schedules.AfrrSignalReceived(new AfrrSignal(Now, -100));
        var clamped = schedules.LimitAt(1, Now, 400)!;

        Assert.Equal(0, pending.SetpointWatts); // not before its timestamp
        Assert.Equal(1_000 - 5_000, active.SetpointWatts);
        Assert.Equal((8_000, -8_000.0), (clamped.DischargeWatts, clamped.SetpointWatts!.Value)); // 1 000 - 10 000 capped by dischargeLimit
    }

    [Fact]
    public void Priority_charging_switches_the_running_transaction_to_the_priority_profile_and_back()
    {
        var schedules = Station(out _);
        var changed = new List<int>();
        schedules.Changed += changed.Add;
        Assert.Equal(ChargingProfileVerdict.Accepted, schedules.SetChargingProfile(1, Tx(new ChargingSchedulePeriod(0) { Limit = 20_000, DischargeLimit = -6_000, Setpoint = -6_000, OperationMode = OperationMode.CentralSetpoint })));
        Assert.Equal(ChargingProfileVerdict.Accepted, schedules.SetChargingProfile(1, new ChargingProfile(11, 0, ChargingProfilePurpose.PriorityCharging, ChargingProfileKind.Absolute,
            [new ChargingSchedule(1, ChargingRateUnit.W, [new ChargingSchedulePeriod(0) { Limit = 30_000 }]) { StartSchedule = Now.AddMinutes(-1) }])));

        var normal = schedules.LimitAt(1, Now, 400)!;
        schedules.SetPriorityCharging(1, "tx-other", active: true);
        var otherTransaction = schedules.LimitAt(1, Now, 400)!;
        schedules.SetPriorityCharging(1, "tx-1", active: true);
        var boosted = schedules.LimitAt(1, Now, 400)!;
        schedules.SetPriorityCharging(1, "tx-1", active: false);

        Assert.Equal(new ScheduleLimit(20_000, 6_000, -6_000, OperationMode.CentralSetpoint), normal);
        Assert.Equal(normal, otherTransaction);
        Assert.Equal(new ScheduleLimit(30_000, 0, null, OperationMode.ChargingOnly), boosted); // the priority profile's own mode
        Assert.Equal(normal, schedules.LimitAt(1, Now, 400));
        Assert.Equal(4, changed.Count(evse => evse == 1)); // two profiles, then tx-1 switched on and off; tx-other changed nothing
    }

    [Fact]
    public void Without_a_csms_the_site_limit_caps_the_local_schedule_and_its_release_lifts_the_cap()
    {
        var schedules = Station(out var store);

        var verdict = schedules.SetExternalProfile(0, SiteLimitProfile.Build(0, 12_000, 4_000, Now), SiteLimitInput.Source);
        var limited = schedules.LimitAt(1, Now, 400)!;
        var cleared = schedules.ClearExternalProfile(SiteLimitProfile.IdFor(0));

        Assert.Equal(ChargingProfileVerdict.Accepted, verdict);
        Assert.Equal(12_000, limited.ChargeWatts);
        Assert.True(cleared);
        Assert.Empty(store.Profiles);
        Assert.Equal(50_000, schedules.LimitAt(1, Now, 400)!.ChargeWatts);
        Assert.Equal(ChargingProfileVerdict.ExternalConstraintsNotSettable, schedules.SetChargingProfile(0, SiteLimitProfile.Build(0, 1, null, Now)));
    }
}
