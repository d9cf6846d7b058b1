using System.Net;
using System.Net.Sockets;
using System.Text;
using ChargePoint.Simulators.PlcModem;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Slac;
using Xunit.Abstractions;

namespace ChargePoint.V2g.Tests.Slac.Veth;

/// <summary>
/// SLAC over REAL raw sockets: our EVSE in one network namespace, the PLC modem simulator in another, joined by
/// a veth pair; the happy path, every simulator fault, and IPv6 link-local TCP across the pair once matched.
/// </summary>
public sealed class SlacOverVethTests(NetworkNamespaceFixture fixture, ITestOutputHelper output) : IClassFixture<NetworkNamespaceFixture>
{
    private NetworkNamespacePair Pair => fixture.Pair;

    private static void AssertMatched(VethSlacRig rig, SlacLinkReady? ready, SlacErrorRoutineRequest? failure)
    {
        Assert.True(failure is null, $"failed: {failure}\n{string.Join("\n", rig.Logger.Lines.Select(l => l.Message))}");
        Assert.NotNull(ready);
        Assert.Equal(SlacState.Matched, rig.Evse.State);
        Assert.True(rig.Simulator.LinkUp);
        Assert.Equal(new PlcModemSimulatorOptions().EvAddress, ready.EvAddress);
    }

    [RootFact]
    public async Task Happy_path_matches_over_raw_sockets_and_then_carries_ipv6_link_local_tcp()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair);
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        Assert.Equal("MAC-QCA7000-SIM-1.0", rig.Evse.ModemVersion);
        var line = $"veth SLAC: CM_SLAC_PARM.REQ -> CM_SLAC_MATCH.CNF took {ready!.MatchingDuration.TotalMilliseconds:F1} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Contains(rig.Logger.Lines, l => l.Message.Contains("CM_SLAC_PARM.REQ to CM_SLAC_MATCH.CNF took", StringComparison.Ordinal));
        Assert.InRange(ready.MatchingDuration, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3));

        // The d-link is up: an IPv6 link-local TCP connection from the EV end reaches a listener on the SECC end.
        using var listener = NetworkNamespacePair.RunIn(Pair.Secc, () =>
        {
            var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.IPv6Any, 0));
            socket.Listen();
            return socket;
        });
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        using var client = NetworkNamespacePair.RunIn(Pair.Ev, () => new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp));
        var secc = IPAddress.Parse("fe80::a");
        secc.ScopeId = rig.EvLink.InterfaceIndex;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var accept = listener.AcceptAsync(timeout.Token);
        await client.ConnectAsync(new IPEndPoint(secc, port), timeout.Token);
        using var server = await accept;
        await client.SendAsync(Encoding.ASCII.GetBytes("V2GTP?"), SocketFlags.None, timeout.Token);
        var buffer = new byte[16];
        var read = await server.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
        Assert.Equal("V2GTP?", Encoding.ASCII.GetString(buffer, 0, read));
        Assert.True(((IPEndPoint)server.RemoteEndPoint!).Address.IsIPv6LinkLocal);
    }

    [RootFact]
    public async Task Dropped_sounds_still_match()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.DroppedSounds = [0, 3, 9]);
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        Assert.Contains(rig.Logger.Lines, l => l.Message.Contains(" 7 profiles", StringComparison.Ordinal));
    }

    [RootFact]
    public async Task Reordered_sounds_still_match()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.ReorderSounds = true);
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
    }

    [RootFact]
    public async Task Late_atten_char_response_is_retried_then_matches()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.AttenCharResponseDelay = TimeSpan.FromMilliseconds(300));
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        Assert.True(rig.Evse.AttenCharRetriesSent >= 1);
    }

    [RootFact]
    public async Task Repeated_match_request_is_answered_again()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.RepeatedMatchRequests = 2);
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        await WaitFor(() => rig.Simulator.EvMatchConfirms >= 3, TimeSpan.FromSeconds(2));
        Assert.True(rig.Simulator.EvMatchConfirmsIdentical);
    }

    [RootFact]
    public async Task Wrong_run_id_in_the_first_match_request_is_ignored()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.WrongRunId = WrongRunIdMode.FirstMatchRequest);
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        Assert.True(rig.Evse.DroppedFrames >= 1);
    }

    [RootFact]
    public async Task Wrong_run_id_throughout_fails_with_the_error_routine()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.WrongRunId = WrongRunIdMode.AfterParmRequest);
        await using var _ = rig;
        Assert.Null(ready);
        Assert.Equal(SlacFailureReason.NoStartAttenChar, failure?.Reason);
        Assert.Equal(SlacState.Failed, rig.Evse.State);
    }

    [RootFact]
    public async Task Cross_talk_from_a_second_ev_does_not_steal_the_match()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.CrossTalkEv = MacAddress.Parse("02:00:00:00:0e:99"));
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        Assert.Equal(SimulatedEvPhase.Declined, rig.Simulator.CrossTalkPhase);
    }

    [RootFact]
    public async Task Set_key_result_0x01_is_accepted_and_logged()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.SetKeyResult = 0x01);
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        Assert.Contains(rig.Logger.Lines, l => l.Message.Contains("result 0x01", StringComparison.Ordinal));
    }

    [RootFact]
    public async Task Link_loss_after_matching_requests_the_error_routine()
    {
        var (rig, ready, failure) = await VethSlacRig.PlugAsync(Pair, faults: f => f.LinkLossAfter = TimeSpan.FromMilliseconds(500));
        await using var _ = rig;
        AssertMatched(rig, ready, failure);
        var loss = await rig.ErrorRoutine.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SlacFailureReason.LinkLost, loss.Reason);
        Assert.Equal(SlacState.Failed, rig.Evse.State);
    }

    [RootFact]
    public void Opening_a_missing_interface_names_it_and_lists_the_existing_ones()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            NetworkNamespacePair.RunIn(Pair.Secc, () => PacketSocketChannel.Open("plc-missing0")));
        var linkError = Assert.IsType<EthernetLinkException>(error.InnerException);
        Assert.Contains("'plc-missing0' does not exist", linkError.Message, StringComparison.Ordinal);
        Assert.Contains(NetworkNamespacePair.SeccInterface, linkError.Message, StringComparison.Ordinal);
    }

    [RootFact]
    public void Opening_without_cap_net_raw_says_how_to_grant_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => NetworkNamespacePair.RunIn(Pair.Secc, () =>
        {
            NamespaceInterop.DropNetRawOnThisThread();
            return PacketSocketChannel.Open(NetworkNamespacePair.SeccInterface);
        }));
        var linkError = Assert.IsType<EthernetLinkException>(error.InnerException);
        Assert.Contains("CAP_NET_RAW", linkError.Message, StringComparison.Ordinal);
        Assert.Contains("setcap", linkError.Message, StringComparison.Ordinal);
    }

    private static async Task WaitFor(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
