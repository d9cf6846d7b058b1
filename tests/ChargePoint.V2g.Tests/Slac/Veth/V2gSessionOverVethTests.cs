using ChargePoint.Simulators.Ev;
using ChargePoint.Simulators.PlcModem;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Slac;
using ChargePoint.V2g.Tests.Secc;
using ChargePoint.V2g.Tls;
using ChargePoint.V2g.Transport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ChargePoint.V2g.Tests.Slac.Veth;

/// <summary>
/// Issue 5 end to end on real sockets: SLAC between our EVSE and the PLC modem simulator on AF_PACKET sockets in
/// two network namespaces joined by a veth pair, then, once matched, SDP on ff02::1 and a whole ISO 15118-20
/// DC_BPT session over TLS 1.3 between our SECC (bound to the EVSE end's IPv6 link-local address) and the EV
/// simulator in the EV namespace.
/// </summary>
public sealed class V2gSessionOverVethTests(NetworkNamespaceFixture fixture, ITestOutputHelper output) : IClassFixture<NetworkNamespaceFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [RootFact]
    public async Task Slac_then_a_whole_dc_bpt_session_over_tls13_runs_across_the_veth_pair()
    {
        var pair = fixture.Pair;
        var folder = Directory.CreateTempSubdirectory("cp-veth-session");
        try
        {
            using var pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
            var pem = pki.WriteSeccPem(folder.FullName);
            await LinkLocalAddresses.WaitUntilUsableAsync(pair.Secc, NetworkNamespacePair.SeccInterface);
            await LinkLocalAddresses.WaitUntilUsableAsync(pair.Ev, NetworkNamespacePair.EvInterface);

            // SLAC: EVSE on a packet socket in the SECC namespace, the modem simulator (EV side) in the EV namespace.
            var slacOptions = VethSlacRig.TolerantOptions();
            slacOptions.Interface = NetworkNamespacePair.SeccInterface;
            await using var slac = NetworkNamespacePair.RunIn(pair.Secc, () => EvseSlacLink.OpenPacketSocket(slacOptions, TimeProvider.System, NullLoggerFactory.Instance));
            var matched = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
            slac.Slac.LinkReady += ready => matched.TrySetResult(ready);
            slac.Slac.ErrorRoutineRequested += failure => matched.TrySetResult(failure);
            var simulatorOptions = new PlcModemSimulatorOptions();
            await using var modem = new PlcModemSimulatorHost(
                NetworkNamespacePair.RunIn(pair.Ev, () => PacketSocketChannel.Open(NetworkNamespacePair.EvInterface, promiscuous: true)),
                simulatorOptions, TimeProvider.System, NullLoggerFactory.Instance);
            await WaitUntilAsync(() => slac.Slac.KeyConfirmed || modem.Simulator.SetKeyRequests >= 3);
            slac.Slac.EnterBcd();
            modem.Simulator.StartEv();
            var ready = Assert.IsType<SlacLinkReady>(await matched.Task.WaitAsync(Patience));
            Assert.Equal(SlacState.Matched, slac.Slac.State);
            Assert.Equal(simulatorOptions.EvAddress, ready.EvAddress);

            // The SECC as the firmware wires it: transport stack on the interface (TLS only), one session host.
            await using var stack = NetworkNamespacePair.RunIn(pair.Secc, () => V2gTransportStack.Start(
                new V2gNetworkOptions { Interface = NetworkNamespacePair.SeccInterface, SecurityPolicy = SdpSecurityPolicy.TlsRequired },
                new V2gTlsOptions { CertificateChain = pem.CertificateChain, PrivateKey = pem.PrivateKey },
                new V2gtpOptions(), TimeProvider.System, NullLoggerFactory.Instance));
            Assert.NotNull(stack.TlsListener);
            var control = new SeccControl(
                new DcEvseLimits(60_000, 0, 150, 0, 500, 150, 30_000, 0, 80, 0),
                new AcEvseLimits(22_000, 1_400, 11_000, 0, 50, 230));
            var firmware = new SimulatedFirmware(control);
            var host = new SeccSessionHost(stack.AcceptAsync, new SeccOptions(), control, firmware, TimeProvider.System, NullLogger<SeccSessionHost>.Instance);
            using var stop = new CancellationTokenSource();
            var hostRun = host.RunAsync(stop.Token);

            // The EV: SDP from its namespace (multicast ff02::1 on its veth end), then TCP + TLS 1.3 and the session.
            var evNic = NetworkNamespacePair.RunIn(pair.Ev, () => V2gNetworkInterface.Resolve(NetworkNamespacePair.EvInterface));
            var secc = await NetworkNamespacePair.RunIn(pair.Ev, () => EvSimulator.DiscoverAsync(
                new SdpClientOptions { Interface = evNic }, tls: true, TimeProvider.System)).WaitAsync(Patience);
            Assert.NotNull(secc);
            Assert.True(secc.Address.IsIPv6LinkLocal, $"SDP announced {secc}");
            Assert.Equal(stack.TlsListener.LocalEndPoint!.Port, secc.Port);
            var tls = new EvTlsClientOptions { TrustedRoots = [pki.V2gRoot], Protocols = System.Security.Authentication.SslProtocols.Tls13 };
            var result = await NetworkNamespacePair.RunIn(pair.Ev, () => EvSimulator.RunAsync(
                secc, tls, new EvSimulatorOptions { Service = EnergyTransferService.DcBpt, ControlMode = ControlMode.Dynamic, ChargeLoops = 4 },
                TimeProvider.System, Trace)).WaitAsync(Patience);

            Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
            Assert.Equal("SessionStopRes", result.LastResponse);
            Assert.True(result.ChargeLoops > 0);
            Assert.Equal((EnergyTransferService.DcBpt, ControlMode.Dynamic), firmware.Selected);
            Assert.Equal(SafeStateReason.SessionTerminated, await firmware.FirstSafeState.WaitAsync(Patience));
            await WaitUntilAsync(() => host.LastResult is not null);
            Assert.Equal(SafeStateReason.SessionTerminated, host.LastResult!.Reason);
            Assert.Equal(SlacState.Matched, slac.Slac.State); // the link stayed up for the whole session

            await stop.CancelAsync();
            await hostRun.WaitAsync(Patience);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    private void Trace(string line)
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished; late trace lines are dropped.
        }
    }
}
