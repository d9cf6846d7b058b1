using Xunit;

namespace ChargePoint.TestUtilities.Netns;

/// <summary>
/// A fact that needs root (network namespaces, veth, CAP_NET_RAW). Without root it is skipped with a visible
/// reason, except under CI=true, where it runs and fails: CI runs as root, so a skip there would hide a gap.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = "needs root for network namespaces and raw sockets (runs in CI, where CI=true turns this skip into a failure)";
        }
    }
}
