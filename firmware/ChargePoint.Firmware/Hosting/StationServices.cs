using ChargePoint.Firmware.Configuration;
using ChargePoint.Firmware.Contracts.Simulation;
using ChargePoint.Firmware.Energy;
using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Ocpp;
using ChargePoint.Firmware.Safety;
using ChargePoint.Firmware.Simulation;
using ChargePoint.Firmware.V2g;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Simulated;
using ChargePoint.Ocpp.SmartCharging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Hosting;

/// <summary>The station's services. Hosted services start in registration order (systemd notifier, EVSE,
/// simulation) and stop in reverse, so the simulation stops first and the EVSE powers down last.</summary>
public static class StationServices
{
    public static IServiceCollection AddStationServices(this IServiceCollection services, bool simulate)
    {
        services.AddSingleton<StationHealth>();
        services.AddSingleton<Systemd.IStationHealth>(sp => sp.GetRequiredService<StationHealth>());
        services.AddHostedService<Systemd.SystemdNotifyService>();

        // The OCPP 2.1 client (enabled when Ocpp:CsmsUrl is set). Its station port is not yet driven by the EVSE
        // manager, which reports through IStationPort (JournalStationPort) until that adapter is written.
        services.AddHostedService<OcppHostedService>();
        services.AddSingleton<IStationPort, JournalStationPort>();
        services.AddSingleton(_ => new ChargingSchedules(new ChargingProfileStore(), new SmartChargingSettings()));
        services.AddSingleton<HlcSessionSourceSlot>();
        if (!simulate)
        {
            // The Linux board composition (GPIO/PWM/CAN/Modbus front ends) is not wired into the host yet;
            // without hardware the station starts only its systemd integration.
            return services;
        }

        if (!SimulationFeature.IsSupported)
        {
            throw new StationStartupException("this firmware build has no simulation support (trimmed self-contained build); use the framework-dependent build for --simulate.");
        }

        services.AddSingleton(sp => StationHardwareFactory.Simulated(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<HalOptions>>().Value));
        services.AddSingleton<IStationHardware>(sp => sp.GetRequiredService<SimulatedStationHardware>());
        services.AddSingleton<EvseHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<EvseHostedService>());
        services.AddSingleton<ISimulatedCsmsLink, SimulatedCsmsLink>();
        services.AddSingleton<ChargePoint.V2g.Link.InMemoryEthernetSegment>(); // the simulated PLC medium (rig's modem + EVSE SLAC)
        services.AddSingleton<SimulationHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SimulationHostedService>());
        return services;
    }
}
