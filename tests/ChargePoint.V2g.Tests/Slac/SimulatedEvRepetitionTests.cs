using ChargePoint.Simulators.PlcModem;
using ChargePoint.V2g.Slac;

namespace ChargePoint.V2g.Tests.Slac;

/// <summary>The simulated EV repeats a failed matching within TT_matching_repetition, as EVs do.</summary>
public sealed class SimulatedEvRepetitionTests
{
    [Fact]
    public void An_ev_that_started_before_the_evse_listened_matches_on_its_repeated_run()
    {
        using var bench = new SlacBench();
        bench.SimulatorOptions.MatchingRepetition = TimeSpan.FromSeconds(10);
        bench.Evse.Start();
        bench.Simulator.StartEv(); // the EVSE is not in BCD yet: every CM_SLAC_PARM.REQ of the first run goes unanswered
        Assert.True(bench.RunUntil(() => bench.Simulator.EvPhase == SimulatedEvPhase.Failed, TimeSpan.FromSeconds(2)));

        bench.Evse.EnterBcd();
        Assert.True(bench.RunUntil(() => bench.LinkReady.Count > 0, TimeSpan.FromSeconds(5)), "the repeated run did not match");
        Assert.Equal(SimulatedEvPhase.Matched, bench.Simulator.EvPhase);
        Assert.Equal(SlacState.Matched, bench.Evse.State);
    }

    [Fact]
    public void Without_a_repetition_window_the_ev_stays_failed()
    {
        using var bench = new SlacBench();
        bench.Evse.Start();
        bench.Simulator.StartEv();
        Assert.True(bench.RunUntil(() => bench.Simulator.EvPhase == SimulatedEvPhase.Failed, TimeSpan.FromSeconds(2)));

        bench.Evse.EnterBcd();
        bench.Run(TimeSpan.FromSeconds(3));
        Assert.Empty(bench.LinkReady);
        Assert.Equal(SimulatedEvPhase.Failed, bench.Simulator.EvPhase);
    }
}
