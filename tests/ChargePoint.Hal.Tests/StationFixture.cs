using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Pilot;
using ChargePoint.Hal.Safety;
using ChargePoint.Hal.Simulated;
using ChargePoint.TestUtilities;

namespace ChargePoint.Hal.Tests;

/// <summary>A simulated station with its control layer on fake time, and helpers to step time in 1 ms ticks.</summary>
internal sealed class StationFixture : IDisposable
{
    /// <summary>Builds the station; <paramref name="replace"/> makes the hardware the control layer drives from the
    /// simulated station (e.g. with some devices swapped for Linux drivers on fake lines); default: the simulated
    /// station itself.</summary>
    public StationFixture(PilotOptions? pilot = null, SafetyOptions? safety = null, SimulatedStationOptions? station = null, Func<SimulatedStationHardware, FakeTimeProvider, IStationHardware>? replace = null)
    {
        Hardware = new SimulatedStationHardware(Time, station);
        Control = new StationControl(replace?.Invoke(Hardware, Time) ?? Hardware, Time, pilot, safety);
        Control.Start();
    }

    public FakeTimeProvider Time { get; } = new();

    public SimulatedStationHardware Hardware { get; }

    public StationControl Control { get; }

    public bool ContactorsOpen => Hardware.Contactors.All(c => !c.IsContactClosed && !c.IsFeedbackClosed);

    public bool ContactorsClosed => Hardware.Contactors.All(c => c.IsContactClosed && c.IsFeedbackClosed);

    public void Advance(TimeSpan duration)
    {
        var end = Time.GetUtcNow() + duration;
        while (Time.GetUtcNow() < end)
        {
            Time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    /// <summary>Advances 1 ms at a time until <paramref name="condition"/> holds; returns the time it took.
    /// Fails the test if it does not hold within <paramref name="limit"/>.</summary>
    public TimeSpan AdvanceUntil(Func<bool> condition, TimeSpan limit, string what)
    {
        var start = Time.GetUtcNow();
        while (!condition())
        {
            if (Time.GetUtcNow() - start > limit)
            {
                Assert.Fail($"{what} did not happen within {limit.TotalMilliseconds} ms.");
            }

            Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        return Time.GetUtcNow() - start;
    }

    /// <summary>Plugs in, offers current, allows power and lets the vehicle request energy: the station ends up
    /// charging with closed contactors.</summary>
    public void StartCharging(double chargeAmperes = 100, bool highLevel = true)
    {
        Hardware.Ev.PlugIn();
        Advance(TimeSpan.FromMilliseconds(50));
        if (highLevel)
        {
            Control.Pilot.RequestHighLevelCommunication();
        }
        else
        {
            Control.Pilot.OfferCurrent(32);
        }

        Control.Pilot.AllowPower(true);
        Hardware.Ev.CloseS2();
        AdvanceUntil(() => ContactorsClosed, TimeSpan.FromSeconds(3), "closing the contactors after B2 → C2");
        var module = Hardware.PowerModule;
        module.SetSetpoint(new(450, chargeAmperes, 0));
        module.SetMode(PowerModuleMode.Charge);
        AdvanceUntil(() => module.ActualCurrentAmperes >= chargeAmperes - 0.5, TimeSpan.FromSeconds(5), "current ramp-up");
    }

    public void Dispose()
    {
        Control.Dispose();
        Hardware.Dispose();
    }
}
