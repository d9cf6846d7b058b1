using System.Text.Json;
using System.Text.RegularExpressions;
using ChargePoint.Firmware.Tests.Cli;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Simulators.Ev;
using ChargePoint.Simulators.PlcModem;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.Link;
using ChargePoint.V2g.Sdp;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Tls;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ChargePoint.Firmware.Tests.Integration.Board;

/// <summary>
/// The flashed composition running for real: the <c>chargepoint</c> process in board mode (no <c>--simulate</c>)
/// in one network namespace, its pilot MCU, meter and power-module CAN adapter on pseudo-terminals served by the
/// test's simulated devices, SLAC on a raw packet socket on its veth end, SDP and TLS 1.3 on that end's IPv6
/// link-local address; in the other namespace the PLC modem simulator and the ISO 15118-20 EV simulator.
/// What cannot run here: SocketCAN (the kernel has no AF_CAN; the serial-line CAN adapter stands in), the GPIO
/// front end and /dev/watchdog (none on this machine).
/// </summary>
public sealed class BoardSessionTests(NetworkNamespaceFixture fixture, ITestOutputHelper output) : IClassFixture<NetworkNamespaceFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cp-board");
    private readonly BoardDevices _devices = new();

    [RootFact]
    public async Task A_board_starts_on_its_devices_and_reports_the_pilot_state()
    {
        var pair = fixture.Pair;
        using var pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
        await LinkLocalAddresses.WaitUntilUsableAsync(pair.Secc, NetworkNamespacePair.SeccInterface);
        await using var station = StartStation(pair, pki);
        try
        {
            await station.WaitForLineAsync("V2G on veth-secc: SLAC True", Patience);
            var idle = await EvseStatusAsync(e => e.GetProperty("pilotState").GetString() == "A");
            Assert.Equal("Available", idle.GetProperty("connectorStatus").GetString());

            _devices.Ev.PlugIn();

            var plugged = await EvseStatusAsync(e => e.GetProperty("pilotState").GetString() == "B");
            Assert.Equal("Occupied", plugged.GetProperty("connectorStatus").GetString());
            Assert.Equal("matching", plugged.GetProperty("slacState").GetString());
            await station.WaitForLineAsync("SLAC: waiting for the EV's CM_SLAC_PARM.REQ", Patience);
            Assert.True(_devices.Mcu.FramesFromHost > 0);
            Assert.Equal(0, _devices.Mcu.ContactorsClosed); // nothing closes before the EV asks

            Assert.Equal(0, await station.TerminateAsync(Patience));
            Assert.Contains("connector Unavailable", station.Output, StringComparison.Ordinal);
        }
        finally
        {
            output.WriteLine(station.Output);
        }
    }

    [RootFact]
    public async Task A_whole_dc_bpt_session_runs_on_the_board_over_veth_with_slac()
    {
        var pair = fixture.Pair;
        using var pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
        await LinkLocalAddresses.WaitUntilUsableAsync(pair.Secc, NetworkNamespacePair.SeccInterface);
        await LinkLocalAddresses.WaitUntilUsableAsync(pair.Ev, NetworkNamespacePair.EvInterface);

        // The modems are powered with the board: the simulator is on the line before the station installs its key.
        var matched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var modem = new PlcModemSimulatorHost(
            NetworkNamespacePair.RunIn(pair.Ev, () => PacketSocketChannel.Open(NetworkNamespacePair.EvInterface, promiscuous: true)),
            new PlcModemSimulatorOptions { AutoStartAfterSetKey = TimeSpan.FromMilliseconds(200), MatchingRepetition = TimeSpan.FromSeconds(90) },
            TimeProvider.System,
            NullLoggerFactory.Instance);
        modem.Simulator.EvMatched += () => matched.TrySetResult();
        await using var station = StartStation(pair, pki);
        var trace = new List<string>();
        try
        {
            await station.WaitForLineAsync("V2G on veth-secc: SLAC True", Patience);
            _devices.Ev.PlugIn();
            await matched.Task.WaitAsync(Patience);
            var slac = await station.WaitForLineAsync("(CM_SLAC_PARM.REQ to CM_SLAC_MATCH.CNF)", Patience);
            output.WriteLine("station: " + slac);

            var evNic = NetworkNamespacePair.RunIn(pair.Ev, () => V2gNetworkInterface.Resolve(NetworkNamespacePair.EvInterface));
            var secc = await NetworkNamespacePair.RunIn(pair.Ev, () => EvSimulator.DiscoverAsync(new SdpClientOptions { Interface = evNic }, tls: true, TimeProvider.System)).WaitAsync(Patience);
            Assert.NotNull(secc);
            var options = new EvSimulatorOptions
            {
                Service = EnergyTransferService.DcBpt,
                ControlMode = ControlMode.Dynamic,
                ChargeLoops = 16,
                LoopInterval = TimeSpan.FromMilliseconds(250),
                OfferLegacyProtocols = false,
                Battery = new EvBattery
                {
                    CapacityWh = 5_000, SocPercent = 50, Voltage = 50, MinimumVoltage = BoardDevices.BatteryMinVolts, MaximumVoltage = BoardDevices.BatteryMaxVolts,
                    MaximumChargePower = 2_000, MaximumChargeCurrent = 40, MaximumDischargePower = 2_000, MaximumDischargeCurrent = 35,
                },
                PowerDeliveryChanging = start =>
                {
                    if (start)
                    {
                        _devices.Ev.CloseS2();
                    }
                    else
                    {
                        _devices.Ev.OpenS2();
                    }
                },
            };
            var tls = new EvTlsClientOptions { TrustedRoots = [pki.V2gRoot], Protocols = System.Security.Authentication.SslProtocols.Tls13 };
            var result = await NetworkNamespacePair.RunIn(pair.Ev, () => EvSimulator.RunAsync(secc, tls, options, TimeProvider.System, Record)).WaitAsync(Patience);

            Assert.Equal(EvSessionOutcome.Completed, result.Outcome);
            Assert.Contains(trace, l => l.Contains("over Tls13", StringComparison.Ordinal));
            Assert.Contains(trace, l => Regex.IsMatch(l, @"^\[ev\] ← DC_ChargeLoopRes OK [\d.]+ V [1-9][\d.]* A"));
            Assert.True(_devices.Meter.ImportedEnergyWattHours > 0, "the meter behind the Modbus pty counted no import");
            Assert.True(_devices.CanAdapter.FramesFromHost > 0, "the power module was never commanded over the CAN adapter");
            await station.WaitForLineAsync("EVSE 1: session ended Completed", Patience);
            Assert.Equal(0, _devices.Mcu.ContactorsClosed);
            Assert.Equal(PowerModuleMode.Off, _devices.PowerModule.ActualMode);

            _devices.Ev.Unplug();
            var ended = await station.WaitForLineAsync(l => l.Contains("ended (StoppedByEV)", StringComparison.Ordinal), "transaction ended", Patience);
            Assert.Matches(@"imported [1-9][\d.]* Wh", ended);
            Assert.Equal(0, await station.TerminateAsync(Patience));
        }
        finally
        {
            output.WriteLine(string.Join('\n', trace));
            output.WriteLine(station.Output);
        }

        void Record(string line)
        {
            lock (trace)
            {
                trace.Add(line);
            }
        }
    }

    public void Dispose()
    {
        _devices.Dispose();
        _folder.Delete(recursive: true);
    }

    private string Socket => Path.Combine(_folder.FullName, "diag.sock");

    private FirmwareProcess StartStation(NetworkNamespacePair pair, V2gTestPki pki)
    {
        var pem = pki.WriteSeccPem(Path.Combine(_folder.FullName, "pki"));
        return FirmwareProcess.Start("station", "chargepoint.dll", _devices.StationArguments(_folder.FullName, pem), pair.Secc);
    }

    /// <summary>Polls <c>cpdiag status --json</c> until EVSE 1 matches.</summary>
    private async Task<JsonElement> EvseStatusAsync(Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        CliRun? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await CliRun.RunAsync("status", "--json", "--socket", Socket);
            if (last.Exit == 0 && last.Json().GetProperty("evses").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } evse && condition(evse))
            {
                return evse.Clone();
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"cpdiag status never showed the expected EVSE state; last: {last}");
    }
}
