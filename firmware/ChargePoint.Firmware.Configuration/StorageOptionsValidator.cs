using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Configuration;

/// <summary>Checks section <c>Storage</c>: the path must exist or be creatable and writable, so a station never
/// starts charging without a place to keep its transactions.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>The checks that need no file system (used by <c>cpdiag config validate</c> off the board).</summary>
    public static string? CheckPath(string? path) =>
        string.IsNullOrWhiteSpace(path) ? "Storage:Path is empty; set it to a writable directory, e.g. /var/lib/chargepoint." : null;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (CheckPath(options.Path) is { } problem)
        {
            return ValidateOptionsResult.Fail(problem);
        }

        try
        {
            var directory = Directory.CreateDirectory(options.Path);
            var probe = Path.Combine(directory.FullName, ".write-probe");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ValidateOptionsResult.Fail($"Storage:Path '{options.Path}' is not a writable directory: {ex.Message}");
        }
    }
}
