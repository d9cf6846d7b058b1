using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Checks section <c>Ocpp</c>; every message names the key and the fix.</summary>
public sealed class StationOcppOptionsValidator : IValidateOptions<StationOcppOptions>
{
    public ValidateOptionsResult Validate(string? name, StationOcppOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.CsmsUrl)
            && (!Uri.TryCreate(options.CsmsUrl, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss")))
        {
            problems.Add($"Ocpp:CsmsUrl '{options.CsmsUrl}' is not a ws:// or wss:// URL, e.g. wss://csms.example.com/ocpp.");
        }

        // OCPP-J: the identity is the last path segment, at most 48 characters, no ':' (used by basic auth).
        if (string.IsNullOrWhiteSpace(options.StationId) || options.StationId.Length > 48 || options.StationId.Contains(':', StringComparison.Ordinal)
            || options.StationId.Any(char.IsWhiteSpace))
        {
            problems.Add($"Ocpp:StationId '{options.StationId}' must be 1 to 48 characters without ':' or spaces.");
        }

        if (options.SecurityProfile is < 1 or > 3)
        {
            problems.Add($"Ocpp:SecurityProfile is {options.SecurityProfile}; use 1, 2 or 3.");
        }

        if (options.SecurityProfile == 2 && options.CsmsUrl is { } wsUrl && wsUrl.StartsWith("ws:", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Ocpp:CsmsUrl uses ws:// but Ocpp:SecurityProfile 2 requires wss://.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
