using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Binds every firmware section and validates it when the host starts (ValidateOnStart), so a bad
/// setting stops the process with one message naming the key instead of failing later mid-session.</summary>
public static class StationOptionsRegistration
{
    public static IServiceCollection AddStationOptions(this IServiceCollection services, IConfiguration configuration)
    {
        // Each Bind call names its concrete type so the configuration-binding source generator can emit it
        // (trimmed builds have no reflection-based binder).
        services.AddOptions<StationOcppOptions>().Bind(configuration.GetSection(StationOcppOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StationOcppOptions>, StationOcppOptionsValidator>();
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<SimulationOptions>().Bind(configuration.GetSection(SimulationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulationOptions>, SimulationOptionsValidator>();
        services.AddOptions<HalOptions>().Bind(configuration.GetSection(HalOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<HalOptions>, HalOptionsValidator>();
        services.AddOptions<V2gStationOptions>().Bind(configuration.GetSection(V2gStationOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<V2gStationOptions>, V2gStationOptionsValidator>();
        services.AddOptions<DiagnosticsOptions>().Bind(configuration.GetSection(DiagnosticsOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>();
        services.AddOptions<ChargePoint.V2g.Sdp.V2gNetworkOptions>().Bind(configuration.GetSection(ChargePoint.V2g.Sdp.V2gNetworkOptions.SectionName));
        services.AddOptions<ChargePoint.V2g.Tls.V2gTlsOptions>().Bind(configuration.GetSection(ChargePoint.V2g.Tls.V2gTlsOptions.SectionName));
        return services;
    }
}
