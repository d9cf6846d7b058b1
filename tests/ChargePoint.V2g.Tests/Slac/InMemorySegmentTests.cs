using ChargePoint.Simulators.PlcModem;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.V2g.Tests.Slac;

/// <summary>The simulation-mode wiring: EVSE link and simulator host on an in-memory segment, real frame pumps.</summary>
public sealed class InMemorySegmentTests
{
    [Fact]
    public async Task Evse_link_and_simulator_host_match_over_an_in_memory_segment()
    {
        var segment = new InMemoryEthernetSegment();
        // Real time on a CI host that also builds and runs other suites: the EV repeats a failed matching run
        // (TT_matching_repetition) as real EVs do, so one late timer does not fail the test.
        var options = new PlcModemSimulatorOptions
        {
            AutoStartAfterSetKey = TimeSpan.FromMilliseconds(50),
            MatchingRepetition = TimeSpan.FromSeconds(30),
        };
        await using var simulator = new PlcModemSimulatorHost(segment.CreatePort(MacAddress.Parse("02:00:00:00:00:02"), "sim-ev"), options, TimeProvider.System, NullLoggerFactory.Instance);
        await using var evse = EvseSlacLink.Start(segment.CreatePort(MacAddress.Parse("02:00:00:00:00:01"), "sim-secc"), new SlacOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        var ready = new TaskCompletionSource<SlacLinkReady>(TaskCreationOptions.RunContinuationsAsynchronously);
        evse.Slac.LinkReady += r => ready.TrySetResult(r);
        evse.Slac.EnterBcd();

        var result = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(options.EvAddress, result.EvAddress);
        Assert.True(simulator.Simulator.LinkUp);
        Assert.Equal(SlacState.Matched, evse.Slac.State);
    }
}
