namespace ChargePoint.Ocpp.Tests.Crash;

/// <summary>
/// Entry point of the test assembly (the generated empty one is switched off): runs the crash child when the
/// environment asks for it, otherwise does nothing, as the generated entry point did.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) =>
        Environment.GetEnvironmentVariable(CrashChild.EnvironmentVariable) == "1" ? await CrashChild.RunAsync(args) : 0;
}
