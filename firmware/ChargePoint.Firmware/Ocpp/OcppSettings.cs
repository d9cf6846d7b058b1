using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Ocpp.Rpc;
using Microsoft.Extensions.Configuration;

namespace ChargePoint.Firmware.Ocpp;

/// <summary>
/// Reads the OCPP settings (Ocpp:CsmsUrl, Ocpp:StationId, Ocpp:SecurityProfile, Ocpp:BasicAuthPassword,
/// Ocpp:CsmsRootCertificatePath, Ocpp:ClientCertificatePath, Ocpp:ClientKeyPath, Storage:Path) from any
/// configuration source. A bad value stops start-up with one message naming the key.
/// </summary>
public static class OcppSettings
{
    public static bool IsEnabled(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration?["Ocpp:CsmsUrl"]);

    /// <summary>The password the station uses with the simulation's built-in CSMS when none is configured.</summary>
    public const string SimulationPassword = "simulation-password-0001";

    /// <summary>The station id used with the simulation's built-in CSMS when none is configured.</summary>
    public const string SimulationStationId = "CP001";

    public static (OcppRpcOptions Options, string StoragePath) Read(IConfiguration configuration) => Read(configuration, null);

    /// <summary>Reads the settings; <paramref name="simulationCsms"/> is the built-in CSMS's URL when the simulation
    /// provides the CSMS (station id and password then default to the simulation's).</summary>
    public static (OcppRpcOptions Options, string StoragePath) Read(IConfiguration configuration, Uri? simulationCsms)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Uri? url = simulationCsms;
        if (url is null && !Uri.TryCreate(configuration["Ocpp:CsmsUrl"], UriKind.Absolute, out url))
        {
            throw new StationStartupException("invalid configuration: Ocpp:CsmsUrl must be an absolute ws:// or wss:// URL");
        }

        var simulated = simulationCsms is not null;
        var options = new OcppRpcOptions
        {
            CsmsUrl = url,
            StationId = configuration["Ocpp:StationId"] ?? (simulated ? SimulationStationId : string.Empty),
            BasicAuthPassword = configuration["Ocpp:BasicAuthPassword"] ?? (simulated ? SimulationPassword : null),
        };
        var profile = configuration["Ocpp:SecurityProfile"] ?? "1";
        if (!int.TryParse(profile, NumberStyles.None, CultureInfo.InvariantCulture, out var securityProfile))
        {
            throw new StationStartupException("invalid configuration: Ocpp:SecurityProfile must be 1, 2 or 3");
        }

        options.SecurityProfile = securityProfile;
        if (configuration["Ocpp:CsmsRootCertificatePath"] is { Length: > 0 } rootPath)
        {
            options.CsmsRootCertificates.ImportFromPemFile(Existing(rootPath, "Ocpp:CsmsRootCertificatePath"));
        }

        if (configuration["Ocpp:ClientCertificatePath"] is { Length: > 0 } certPath)
        {
            var keyPath = configuration["Ocpp:ClientKeyPath"] ?? throw new StationStartupException("invalid configuration: Ocpp:ClientKeyPath is required with Ocpp:ClientCertificatePath");
            options.ClientCertificate = X509Certificate2.CreateFromPemFile(Existing(certPath, "Ocpp:ClientCertificatePath"), Existing(keyPath, "Ocpp:ClientKeyPath"));
        }

        if (options.Validate() is { } problem)
        {
            throw new StationStartupException("invalid configuration: " + problem);
        }

        var storage = configuration["Storage:Path"] ?? (simulated ? new Configuration.StorageOptions().Path : null);
        if (string.IsNullOrWhiteSpace(storage))
        {
            throw new StationStartupException("invalid configuration: Storage:Path is required (where the OCPP queue and device model are kept)");
        }

        return (options, storage);
    }

    private static string Existing(string path, string key) =>
        File.Exists(path) ? path : throw new StationStartupException($"invalid configuration: {key} file '{path}' does not exist");
}
