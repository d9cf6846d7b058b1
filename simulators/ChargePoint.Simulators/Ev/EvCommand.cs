using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Tls;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChargePoint.Simulators.Ev;

/// <summary>
/// <c>cpsim ev --secc [addr]:port | --interface &lt;if&gt; ...</c>: the simulated ISO 15118-20 EV against any SECC,
/// found by address or by SDP on an interface, over TLS 1.3 (trusting <c>--v2g-root</c>), printing the trace. With
/// <c>--plc-modem</c> it first plays its PLC modem on that interface and matches the EVSE by SLAC.
/// Exit code 0 when the session completed or paused as scripted, 1 otherwise.
/// </summary>
public static class EvCommand
{
    public static Command Create()
    {
        var secc = new Option<string?>("--secc") { Description = "SECC endpoint, e.g. [fe80::1%eth1]:50000 (skips SDP)" };
        var iface = new Option<string?>("--interface", "-i") { Description = "Interface for SDP discovery when --secc is not given" };
        var root = new Option<string?>("--v2g-root") { Description = "PEM file with the V2G root(s) the SECC certificate must chain to" };
        var plain = new Option<bool>("--plain") { Description = "Plain TCP (the SECC must then refuse -20)" };
        var tls12 = new Option<bool>("--tls12") { Description = "Offer TLS 1.2 only (the SECC must then refuse -20)" };
        var service = new Option<EnergyTransferService>("--service") { Description = "DcBpt, AcBpt, Dc or Ac", DefaultValueFactory = _ => EnergyTransferService.DcBpt };
        var mode = new Option<ControlMode>("--mode") { Description = "Dynamic or Scheduled", DefaultValueFactory = _ => ControlMode.Dynamic };
        var loops = new Option<int>("--loops") { Description = "Charge loop iterations", DefaultValueFactory = _ => 10 };
        var interval = new Option<int>("--loop-interval-ms") { Description = "Time between charge loop requests", DefaultValueFactory = _ => 100 };
        var soc = new Option<double>("--soc") { Description = "Initial state of charge in %", DefaultValueFactory = _ => 40 };
        var capacity = new Option<double>("--capacity-wh") { Description = "Battery capacity", DefaultValueFactory = _ => 60_000 };
        var departure = new Option<uint>("--departure-s") { Description = "Seconds until departure", DefaultValueFactory = _ => 7200 };
        var negative = new Option<bool>("--negative-discharge-limits") { Description = "Send discharge limits as negative numbers" };
        var pauseAfter = new Option<int?>("--pause-after") { Description = "SessionStop(Pause) after this many loops" };
        var resume = new Option<string?>("--resume-session") { Description = "Hex SessionID of a paused session to resume" };
        var renegotiate = new Option<int?>("--renegotiate-after") { Description = "Schedule renegotiation after this many loops" };
        var wrongOrder = new Option<bool>("--wrong-order") { Description = "Send a charge loop request right after ServiceSelection" };
        var slow = new Option<int?>("--slow-loop-ms") { Description = "Wait this long before the second charge loop request" };
        var plcModem = new Option<bool>("--plc-modem") { Description = "Simulate the PLC modems on --interface and match the EVSE by SLAC (raw sockets, CAP_NET_RAW) before SDP" };
        var slacTimeout = new Option<int>("--slac-timeout-s") { Description = "With --plc-modem: how long to keep trying SLAC", DefaultValueFactory = _ => 60 };
        var command = new Command("ev", "Simulate an ISO 15118-20 EV against an SECC")
        {
            secc, iface, root, plain, tls12, service, mode, loops, interval, soc, capacity, departure, negative, pauseAfter, resume, renegotiate, wrongOrder, slow, plcModem, slacTimeout,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var options = new EvSimulatorOptions
            {
                Service = result.GetValue(service),
                ControlMode = result.GetValue(mode),
                ChargeLoops = result.GetValue(loops),
                LoopInterval = TimeSpan.FromMilliseconds(result.GetValue(interval)),
                Battery = new EvBattery { SocPercent = result.GetValue(soc), CapacityWh = result.GetValue(capacity) },
                DepartureTime = result.GetValue(departure),
                NegativeDischargeLimits = result.GetValue(negative),
                PauseAfterLoops = result.GetValue(pauseAfter),
                ResumeSessionId = result.GetValue(resume) is { } hex ? Convert.FromHexString(hex) : null,
                RenegotiateAfterLoops = result.GetValue(renegotiate),
                SkipToChargeLoop = result.GetValue(wrongOrder),
                SlowLoopDelay = result.GetValue(slow) is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            };
            var useTls = !result.GetValue(plain);
            await using var plc = result.GetValue(plcModem)
                ? await MatchAsync(result.GetValue(iface), TimeSpan.FromSeconds(result.GetValue(slacTimeout)), result.InvocationConfiguration, cancellationToken)
                : null;
            if (result.GetValue(plcModem) && plc is null)
            {
                return 1;
            }

            IPEndPoint? endPoint = result.GetValue(secc) is { } text
                ? IPEndPoint.Parse(text)
                : await EvSimulator.DiscoverAsync(
                    new SdpClientOptions { Interface = V2gNetworkInterface.Resolve(result.GetValue(iface) ?? throw new ArgumentException("Give --secc or --interface.")) },
                    useTls,
                    TimeProvider.System,
                    cancellationToken);
            if (endPoint is null)
            {
                await result.InvocationConfiguration.Error.WriteLineAsync("cpsim ev: no SECC answered SDP");
                return 1;
            }

            var tls = useTls ? TlsOptions(result.GetValue(root), result.GetValue(tls12)) : null;
            var outcome = await EvSimulator.RunAsync(endPoint, tls, options, TimeProvider.System, output.WriteLine, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"cpsim ev: {outcome.Outcome}, last {outcome.LastResponse} {outcome.LastResponseCode}, {outcome.ChargeLoops} loops, SOC {outcome.FinalSocPercent:0.0} %, SessionID {Convert.ToHexString(outcome.SessionId)}"));
            return outcome.Outcome is EvSessionOutcome.Completed or EvSessionOutcome.Paused ? 0 : 1;
        });
        return command;
    }

    /// <summary>The PLC link first: null (after writing why) when it cannot be opened or SLAC never matched.</summary>
    private static async Task<EvPlcLink?> MatchAsync(string? interfaceName, TimeSpan timeout, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        if (interfaceName is null)
        {
            await console.Error.WriteLineAsync("cpsim ev: --plc-modem needs --interface");
            return null;
        }

        EvPlcLink link;
        try
        {
            link = EvPlcLink.Start(interfaceName, timeout, NullLoggerFactory.Instance);
        }
        catch (EthernetLinkException ex)
        {
            await console.Error.WriteLineAsync($"cpsim ev: {ex.Message}");
            return null;
        }

        await console.Error.WriteLineAsync($"cpsim ev: PLC modem simulator on {interfaceName}, EV {link.EvAddress}; trying SLAC for {timeout.TotalSeconds:0} s");
        if (await link.WaitMatchedAsync(timeout, cancellationToken) is not { } elapsed)
        {
            await console.Error.WriteLineAsync($"cpsim ev: SLAC did not match within {timeout.TotalSeconds:0} s");
            await link.DisposeAsync();
            return null;
        }

        await console.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"cpsim ev: SLAC matched, link up {elapsed.TotalMilliseconds:0} ms after the modem simulator started"));
        return link;
    }

    private static EvTlsClientOptions TlsOptions(string? rootFile, bool tls12)
    {
        var roots = new X509Certificate2Collection();
        if (rootFile is not null)
        {
            roots.ImportFromPemFile(rootFile);
        }

        return new EvTlsClientOptions
        {
            TrustedRoots = roots,
            Protocols = tls12 ? SslProtocols.Tls12 : SslProtocols.Tls13,
            CipherSuites = tls12 ? [V2gTlsProfile.Tls12CipherSuite] : null,
        };
    }
}
