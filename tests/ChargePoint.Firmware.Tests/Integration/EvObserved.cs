using ChargePoint.Simulators;
using ChargePoint.Simulators.Ev;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>Reading what the simulated EV saw on the ISO 15118-20 wire, by the time it saw it.</summary>
internal static class EvObserved
{
    /// <summary>The EV's finished session (the station ran with Simulation:Sessions and has exited).</summary>
    public static EvSessionResult Session(SimulatedStation station) =>
        Assert.IsType<SimulationRig>(station.Simulation.Rig).Ev!.LastSession ?? throw new InvalidOperationException("the simulated EV finished no session");

    /// <summary>The charge loops the EV read from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive).</summary>
    public static IReadOnlyList<EvLoopObservation> Loops(EvSessionResult session, DateTimeOffset from, DateTimeOffset to) =>
        [.. session.Loops.Where(l => l.At >= from && l.At < to)];

    /// <summary>Within <paramref name="percent"/> % of <paramref name="expected"/> (power follows physics, limits do not).</summary>
    public static bool Near(double actual, double expected, double percent = 5) => Math.Abs(actual - expected) <= Math.Abs(expected) * percent / 100;

    public static string Describe(IEnumerable<EvLoopObservation> loops) =>
        string.Join("; ", loops.Select(l => FormattableString.Invariant($"{l.At:HH:mm:ss.fff} {l.Power:0} W max {l.MaximumChargePower}/{l.MaximumDischargePower}")));
}
