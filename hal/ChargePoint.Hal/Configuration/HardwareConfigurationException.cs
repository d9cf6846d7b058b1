namespace ChargePoint.Hal.Configuration;

/// <summary>Startup found the hardware configuration unusable; <see cref="Problems"/> has one entry per error.</summary>
public sealed class HardwareConfigurationException(IReadOnlyList<HardwareConfigurationProblem> problems)
    : Exception("The hardware configuration is unusable:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<HardwareConfigurationProblem> Problems { get; } = problems;
}
