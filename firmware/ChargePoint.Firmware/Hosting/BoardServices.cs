using ChargePoint.Firmware.Evse;
using ChargePoint.Firmware.Safety;
using ChargePoint.Firmware.V2g;
using ChargePoint.Hal.Abstractions;
using ChargePoint.Hal.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePoint.Firmware.Hosting;

/// <summary>
/// The flashed station (no <c>--simulate</c>): the Linux hardware of section <c>Hardware</c>, validated when it is
/// opened at start-up; the V2G stack on <c>V2g:Interface</c> (SLAC over a packet socket, SDP, TLS 1.3); the EVSE hosted
/// service with its manager; and the hardware watchdog, fed only while the safety supervisor is healthy.
/// OCPP, diagnostics and sd_notify come from <see cref="StationServices"/>.
/// </summary>
public static class BoardServices
{
    public static IServiceCollection AddBoardStation(this IServiceCollection services)
    {
        // Validated by LinuxStationHardware.Open against the running system, so a composition whose hardware factory
        // is replaced (services.Replace: the composition tests run it on simulated devices) never needs a board.
        services.AddOptions<LinuxHardwareOptions>().BindConfiguration(LinuxHardwareOptions.SectionName);
        services.AddSingleton<IStationHardwareFactory, LinuxStationHardwareFactory>();
        services.AddSingleton(sp => sp.GetRequiredService<IStationHardwareFactory>().Open());
        services.AddHostedService<BoardV2gService>();
        services.AddEvse();
        services.AddHostedService<HardwareWatchdogService>();
        return services;
    }

    /// <summary>EVSE 1 over whatever <see cref="IStationHardware"/> is registered (board or simulation).</summary>
    public static IServiceCollection AddEvse(this IServiceCollection services)
    {
        services.AddSingleton<EvseHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<EvseHostedService>());
        services.AddSingleton<Diagnostics.SelfTestRunner>();
        return services;
    }
}
