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
        Add<StationOcppOptions, StationOcppOptionsValidator>(services, configuration, StationOcppOptions.SectionName);
        Add<StorageOptions, StorageOptionsValidator>(services, configuration, StorageOptions.SectionName);
        Add<SimulationOptions, SimulationOptionsValidator>(services, configuration, SimulationOptions.SectionName);
        Add<HalOptions, HalOptionsValidator>(services, configuration, HalOptions.SectionName);
        Add<V2gStationOptions, V2gStationOptionsValidator>(services, configuration, V2gStationOptions.SectionName);
        return services;
    }

    private static void Add<TOptions, TValidator>(IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
    }
}
