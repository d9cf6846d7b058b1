using System.Diagnostics;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ChargePoint.V2g.Tests.Slac.Veth;

/// <summary>The stand-alone <c>cpsim plc-modem</c> process in the EV namespace against our EVSE in the SECC namespace.</summary>
public sealed class CpsimCommandOverVethTests(NetworkNamespaceFixture fixture, ITestOutputHelper output) : IClassFixture<NetworkNamespaceFixture>
{
    [RootFact]
    public async Task Cpsim_plc_modem_process_matches_our_evse()
    {
        var pair = fixture.Pair;
        var cpsim = Path.Combine(AppContext.BaseDirectory, "cpsim.dll");
        var start = new ProcessStartInfo("ip", ["netns", "exec", pair.Ev, "dotnet", cpsim, "plc-modem", "--interface", NetworkNamespacePair.EvInterface, "--start-delay-ms", "200", "--set-key-result", "1"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var simulator = Process.Start(start) ?? throw new InvalidOperationException("cannot start cpsim");
        try
        {
            var banner = await simulator.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Contains("simulating the modems", banner ?? string.Empty, StringComparison.Ordinal);
            _ = simulator.StandardOutput.ReadToEndAsync(); // keep the pipe drained

            await using var link = NetworkNamespacePair.RunIn(pair.Secc, () => PacketSocketChannel.Open(NetworkNamespacePair.SeccInterface));
            await using var pump = new FramePump(link, NullLogger.Instance);
            var logger = new ListLogger();
            using var evse = new EvseSlac(VethSlacRig.TolerantOptions(), link.LocalAddress, pump.Enqueue, TimeProvider.System, logger);
            var outcome = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            evse.LinkReady += ready => outcome.TrySetResult(ready);
            evse.ErrorRoutineRequested += request => outcome.TrySetResult(request);
            pump.Start(evse.HandleFrame);
            evse.Start();
            evse.EnterBcd();

            var result = await outcome.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var ready = Assert.IsType<SlacLinkReady>(result);
            output.WriteLine($"cpsim process: CM_SLAC_PARM.REQ -> CM_SLAC_MATCH.CNF took {ready.MatchingDuration.TotalMilliseconds:F1} ms");
            Assert.Equal(SlacState.Matched, evse.State);
            Assert.True(evse.KeyConfirmed); // the simulator answered CM_SET_KEY with 0x01
        }
        finally
        {
            simulator.Kill(entireProcessTree: true);
            await simulator.WaitForExitAsync();
        }
    }
}
