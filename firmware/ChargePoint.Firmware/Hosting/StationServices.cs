using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Diagnostics;
using ChargePoint.Firmware.Energy;
using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;
using ChargePoint.Firmware.Settlement;
using ChargePoint.Firmware.Simulation;
using ChargePoint.Firmware.V2g;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Simulated;
using ChargePoint.Ocpp.SmartCharging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Hosting;

/// <summary>The station's services. Hosted services start in registration order (systemd notifier, OCPP,
/// diagnostics, then the board's V2G stack, EVSE and watchdog, or the simulation's EVSE and rig) and stop in
/// reverse, so the simulation (or the watchdog) stops first and the EVSE powers down before its V2G stack goes.</summary>
public static class StationServices
{
    public static IServiceCollection AddStationServices(this IServiceCollection services, bool simulate)
    {
        services.AddSingleton<StationHealth>();
        services.AddSingleton<Systemd.IStationHealth>(sp => sp.GetRequiredService<StationHealth>());
        services.AddHostedService<Systemd.SystemdNotifyService>();

        // The OCPP 2.1 client runs when Ocpp:CsmsUrl is set or the simulation starts its CSMS; the EVSE manager then
        // reports through the OCPP station port. A station with no CSMS at all (stand-alone, free vend) only
        // journals what it would have sent.
        services.AddSingleton(sp =>
        {
            var configured = !string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<StationOcppOptions>>().Value.CsmsUrl);
            return new CsmsEndpoint(configured, simulationProvidesCsms: simulate && !configured);
        });
        services.AddSingleton<OcppHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<OcppHostedService>());
        services.AddSingleton<JournalStationPort>();
        services.AddSingleton(sp => new SettlementStore(sp.GetRequiredService<IOptions<StorageOptions>>().Value.Path));
        services.AddSingleton<IStationPort>(sp => sp.GetRequiredService<CsmsEndpoint>().ExpectsCsms
            ? ActivatorUtilities.CreateInstance<OcppStationPort>(sp)
            : sp.GetRequiredService<JournalStationPort>());
        services.AddSingleton(_ => new ChargingSchedules(new ChargingProfileStore(), new SmartChargingSettings()));
        services.AddSingleton<SiteLimitInput>();
        services.AddSingleton<PriorityChargingInput>();
        services.AddSingleton<HlcSessionSourceSlot>();
        AddDiagnostics(services);
        if (!simulate)
        {
            return services.AddBoardStation();
        }

        if (!SimulationFeature.IsSupported)
        {
            throw new StationStartupException("this firmware build has no simulation support (trimmed self-contained build); use the framework-dependent build for --simulate.");
        }

        services.AddSingleton(sp => StationHardwareFactory.Simulated(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<HalOptions>>().Value));
        services.AddSingleton<IStationHardware>(sp => sp.GetRequiredService<SimulatedStationHardware>());
        services.AddEvse();
        services.AddSingleton<ChargePoint.V2g.Link.InMemoryEthernetSegment>(); // the simulated PLC medium (rig's modem + EVSE SLAC)
        services.AddSingleton<SimulationHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulationHostedService>());
        return services;
    }

    /// <summary>The <c>cpdiag</c> endpoint, session history and message traces (issue 10). The trace recorder is
    /// also the OCPP frame tap, and the V2GTP packet inspector the SECC's transport stack should be given.</summary>
    private static void AddDiagnostics(IServiceCollection services)
    {
        services.AddSingleton<TraceRecorder>();
        services.AddSingleton<ChargePoint.Ocpp.Rpc.IOcppFrameObserver>(sp => sp.GetRequiredService<TraceRecorder>());
        services.AddSingleton<ChargePoint.V2g.Transport.IV2gPacketInspector>(sp => sp.GetRequiredService<TraceRecorder>());
        services.AddSingleton<SessionHistory>();
        services.AddSingleton<IStationSnapshots, StationSnapshots>();
        services.AddSingleton<DiagnosticsDispatcher>();
        services.AddHostedService<DiagnosticsServer>();
    }
}
