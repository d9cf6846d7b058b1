using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Safety;

namespace ChargePoint.Hal.Tests.Pilot;

public sealed class PilotControllerTests
{
    private static readonly TimeSpan PowerOffDeadline = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Vehicle_drives_A_to_B_to_C_and_contactors_close_within_3_s()
    {
        using var station = new StationFixture();
        var states = new List<CpState>();
        station.Control.Pilot.StateChanged += (_, change) => states.Add(change.Current);

        station.Advance(TimeSpan.FromMilliseconds(30));
        station.Hardware.Ev.PlugIn();
        station.Advance(TimeSpan.FromMilliseconds(30));
        station.Control.Pilot.RequestHighLevelCommunication();
        station.Control.Pilot.AllowPower(true);
        station.Advance(TimeSpan.FromMilliseconds(30));
        Assert.True(station.ContactorsOpen, "contactors must stay open in B2");

        station.Hardware.Ev.CloseS2();
        var took = station.AdvanceUntil(() => station.ContactorsClosed, TimeSpan.FromSeconds(3), "contactors closed");

        Assert.Equal([CpState.A, CpState.B, CpState.C], states);
        Assert.True(took <= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void C2_without_power_allowed_keeps_the_contactors_open_until_power_is_allowed()
    {
        using var station = new StationFixture();
        station.Hardware.Ev.PlugIn();
        station.Control.Pilot.OfferCurrent(16);
        station.Hardware.Ev.CloseS2();
        station.Advance(TimeSpan.FromSeconds(1));
        Assert.True(station.ContactorsOpen);

        station.Control.Pilot.AllowPower(true);

        station.AdvanceUntil(() => station.ContactorsClosed, TimeSpan.FromSeconds(3), "contactors closed");
    }

    [Fact]
    public void C_to_B_opens_the_contactors_within_100_ms_even_under_full_load()
    {
        using var station = new StationFixture();
        station.StartCharging(chargeAmperes: 150);

        station.Hardware.Ev.OpenS2();
        var took = station.AdvanceUntil(() => station.ContactorsOpen, PowerOffDeadline, "contactors open after C → B");

        Assert.True(took <= PowerOffDeadline, $"took {took.TotalMilliseconds} ms");
        Assert.Equal(PowerModuleMode.Off, station.Hardware.PowerModule.ActualMode);
        Assert.False(station.Control.Safety.IsFaulted);
    }

    [Fact]
    public void Unplugging_opens_within_100_ms_and_ends_the_PWM()
    {
        using var station = new StationFixture();
        station.StartCharging();

        station.Hardware.Ev.Unplug();
        station.AdvanceUntil(() => station.ContactorsOpen, PowerOffDeadline, "contactors open after → A");

        station.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(CpState.A, station.Control.Pilot.State);
        Assert.Equal(PilotOutputMode.ConstantHigh, station.Control.Pilot.Output.Mode);
        Assert.False(station.Control.Pilot.IsPowerAllowed);
    }

    [Fact]
    public void Pilot_shorted_to_earth_is_state_E_and_opens_within_100_ms()
    {
        using var station = new StationFixture();
        station.StartCharging();

        station.Hardware.ControlPilot.IsShortedToEarth = true;
        station.AdvanceUntil(() => station.ContactorsOpen, PowerOffDeadline, "contactors open after → E");

        Assert.Equal(CpState.E, station.Control.Pilot.State);
    }

    [Fact]
    public void Invalid_pilot_level_opens_within_100_ms_and_reports_a_pilot_fault()
    {
        using var station = new StationFixture();
        station.StartCharging();

        station.Hardware.ControlPilot.MeasurementOffsetVolts = -10;
        station.AdvanceUntil(() => station.ContactorsOpen, PowerOffDeadline, "contactors open on an invalid pilot");

        station.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Contains(station.Control.Safety.ActiveFaults, f => f.Kind == SafetyFaultKind.PilotFault);
        Assert.Equal(PilotOutputMode.StateF, station.Control.Pilot.Output.Mode);
    }

    [Fact]
    public void Setting_the_station_unavailable_drives_F_and_opens_within_100_ms()
    {
        using var station = new StationFixture();
        station.StartCharging();

        station.Control.Pilot.SetUnavailable();
        station.AdvanceUntil(() => station.ContactorsOpen, PowerOffDeadline, "contactors open in F");

        station.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(CpState.F, station.Control.Pilot.State);
    }

    [Fact]
    public void Pausing_with_X1_waits_for_the_vehicle_and_cuts_power_after_6_s_if_it_stays_in_C()
    {
        using var station = new StationFixture();
        station.StartCharging();

        station.Control.Pilot.StopPwm();
        station.Advance(TimeSpan.FromSeconds(5.9));
        Assert.True(station.ContactorsClosed, "the vehicle has 6 s to react before power is cut under load");

        station.AdvanceUntil(() => station.ContactorsOpen, TimeSpan.FromMilliseconds(200), "forced power off after 6 s");
        Assert.False(station.Control.Safety.IsFaulted);
    }

    [Fact]
    public void Pausing_with_X1_opens_within_100_ms_once_the_vehicle_goes_to_B()
    {
        using var station = new StationFixture();
        station.StartCharging();
        station.Control.Pilot.StopPwm();
        station.Advance(TimeSpan.FromSeconds(1));

        station.Hardware.Ev.OpenS2();

        station.AdvanceUntil(() => station.ContactorsOpen, PowerOffDeadline, "contactors open after C1 → B1");
    }

    [Fact]
    public void Missing_vehicle_diode_with_PWM_is_a_diode_fault()
    {
        using var station = new StationFixture();
        station.Hardware.Ev.HasDiode = false;
        station.Hardware.Ev.PlugIn();
        station.Control.Pilot.RequestHighLevelCommunication();

        station.AdvanceUntil(() => station.Control.Safety.IsFaulted, TimeSpan.FromMilliseconds(100), "diode fault");

        Assert.Equal(SafetyFaultKind.DiodeFault, Assert.Single(station.Control.Safety.ActiveFaults).Kind);
        Assert.Equal(PilotOutputMode.StateF, station.Control.Pilot.Output.Mode);
    }

    [Fact]
    public void Error_routine_holds_E_for_4_s_then_restores_five_percent()
    {
        using var station = new StationFixture();
        station.Hardware.Ev.PlugIn();
        station.Control.Pilot.RequestHighLevelCommunication();
        station.Advance(TimeSpan.FromMilliseconds(50));
        var completed = 0;
        station.Control.Pilot.ErrorRoutineCompleted += (_, _) => completed++;

        station.Control.Pilot.StartErrorRoutine();
        station.Advance(TimeSpan.FromSeconds(3.99));
        Assert.Equal(PilotOutputMode.StateE, station.Control.Pilot.Output.Mode);
        Assert.Equal(CpState.E, station.Control.Pilot.State);
        Assert.Equal(0, completed);

        station.Advance(TimeSpan.FromMilliseconds(20));
        Assert.Equal(1, completed);
        Assert.Equal(PilotOutput.Pwm(5), station.Control.Pilot.Output);
        station.Advance(TimeSpan.FromMilliseconds(30));
        Assert.Equal(CpState.B, station.Control.Pilot.State);
        Assert.False(station.Control.Safety.IsFaulted);
    }

    [Fact]
    public void Error_routine_uses_F_where_the_hardware_cannot_drive_E()
    {
        using var station = new StationFixture(station: new() { SupportsStateE = false });
        station.Hardware.Ev.PlugIn();
        station.Control.Pilot.RequestHighLevelCommunication();

        station.Control.Pilot.StartErrorRoutine();

        Assert.Equal(PilotOutputMode.StateF, station.Control.Pilot.Output.Mode);
    }

    [Fact]
    public void State_D_closes_only_where_ventilation_is_available()
    {
        using var without = new StationFixture();
        using var with = new StationFixture(pilot: new() { VentilationAvailable = true });
        foreach (var station in new[] { without, with })
        {
            station.Hardware.Ev.RequestsVentilation = true;
            station.Hardware.Ev.PlugIn();
            station.Control.Pilot.OfferCurrent(16);
            station.Control.Pilot.AllowPower(true);
            station.Hardware.Ev.CloseS2();
            station.Advance(TimeSpan.FromMilliseconds(200));
            Assert.Equal(CpState.D, station.Control.Pilot.State);
        }

        Assert.True(without.ContactorsOpen, "state D without ventilation must not be powered");
        Assert.True(with.ContactorsClosed);
    }
}
