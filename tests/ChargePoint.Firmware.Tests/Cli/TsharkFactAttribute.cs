namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>A test that needs Wireshark's <c>tshark</c>: reported as skipped (not passed) where it is not installed;
/// the structural pcapng tests are the check there.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TsharkFactAttribute : FactAttribute
{
    public TsharkFactAttribute()
    {
        if (Path is null)
        {
            Skip = "tshark is not installed on this machine";
        }
    }

    /// <summary>The tshark executable, or null.</summary>
    public static string? Path { get; } = new[] { "/usr/bin/tshark", "/usr/local/bin/tshark" }.FirstOrDefault(File.Exists);
}
