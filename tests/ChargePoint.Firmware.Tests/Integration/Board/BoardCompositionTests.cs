using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Firmware.Safety;
using ChargePoint.Firmware.V2g;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Simulated;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.TestUtilities.Pki;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChargePoint.Firmware.Tests.Integration.Board;

/// <summary>
/// The board composition in-process with one seam replaced: the hardware factory hands out simulated station
/// hardware; everything else (V2G stack with SLAC on the veth end, EVSE manager, watchdog feeding, OCPP port,
/// diagnostics) is what a board runs.
/// </summary>
public sealed class BoardCompositionTests(NetworkNamespaceFixture fixture) : IClassFixture<NetworkNamespaceFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [RootFact]
    public async Task The_board_composition_runs_on_substituted_hardware_and_feeds_the_watchdog_only_while_healthy()
    {
        var pair = fixture.Pair;
        var folder = Directory.CreateTempSubdirectory("cp-board-compose");
        using var pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
        var pem = pki.WriteSeccPem(Path.Combine(folder.FullName, "pki"));
        using var hardware = new SimulatedStationHardware(TimeProvider.System, new SimulatedStationOptions { WatchdogTimeout = TimeSpan.FromSeconds(4) });
        await LinkLocalAddresses.WaitUntilUsableAsync(pair.Secc, NetworkNamespacePair.SeccInterface);
        using var host = StationHostBuilder.Build(
        [
            $"--V2g:Interface={NetworkNamespacePair.SeccInterface}",
            $"--V2g:Tls:CertificateChain={pem.CertificateChain}",
            $"--V2g:Tls:PrivateKey={pem.PrivateKey}",
            $"--Storage:Path={Path.Combine(folder.FullName, "state")}",
            $"--Diagnostics:Socket={Path.Combine(folder.FullName, "diag.sock")}",
            "--Diagnostics:Group=",
            "--Logging:LogLevel:Default=Warning",
        ], services => services.Replace(ServiceDescriptor.Singleton<IStationHardwareFactory>(new FixedHardware(hardware))));
        try
        {
            // The V2G stack opens its sockets while the services are built: in the station's namespace.
            NetworkNamespacePair.RunIn(pair.Secc, () =>
            {
                StationHostBuilder.Preflight(host.Services);
                return 0;
            });
            await host.StartAsync();

            Assert.Same(hardware, host.Services.GetRequiredService<IStationHardware>());
            Assert.True(host.Services.GetRequiredService<HlcSessionSourceSlot>().IsFilled, "the board's V2G stack did not fill the session slot");
            var manager = await host.Services.GetRequiredService<EvseHostedService>().Manager.WaitAsync(Patience);
            await SimulatedStation.WaitUntilAsync(() => manager.ConnectorStatus == ChargePoint.Firmware.Ocpp.ConnectorStatus.Available, Patience);

            hardware.Ev.PlugIn();
            await SimulatedStation.WaitUntilAsync(() => manager.State == EvseState.Connecting, Patience);
            Assert.Equal(PilotOutputMode.Pwm, hardware.ControlPilot.Output.Mode); // 5 %: SLAC may start

            var kicks = hardware.Watchdog.KickCount;
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            Assert.True(hardware.Watchdog.KickCount > kicks, "a healthy station must feed the watchdog");
            Assert.False(hardware.Watchdog.HasExpired);

            hardware.PressEmergencyStop(); // the fault stays latched while the button is pressed
            await SimulatedStation.WaitUntilAsync(() => !host.Services.GetRequiredService<StationHealth>().IsHealthy, Patience);
            await SimulatedStation.WaitUntilAsync(() => hardware.Watchdog.HasExpired, Patience);
        }
        finally
        {
            await host.StopAsync();
            folder.Delete(recursive: true);
        }
    }

    private sealed class FixedHardware(IStationHardware hardware) : IStationHardwareFactory
    {
        public IStationHardware Open() => hardware;
    }
}
