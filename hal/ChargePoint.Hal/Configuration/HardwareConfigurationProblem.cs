namespace ChargePoint.Hal.Configuration;

/// <summary>One startup configuration error: the setting, what is wrong, and how to fix it.</summary>
public sealed record HardwareConfigurationProblem(string Setting, string Problem, string Fix)
{
    public override string ToString() => $"{Setting}: {Problem} Fix: {Fix}";
}
