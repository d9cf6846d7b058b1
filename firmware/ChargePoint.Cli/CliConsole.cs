namespace ChargePoint.Cli;

/// <summary>The standard streams a command uses, so tests can run the real command tree in-process.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error);
