using Spectre.Console;

namespace ChargePoint.Cli;

/// <summary>The standard streams a command uses, so tests can run the real command tree in-process.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>A Spectre console over <see cref="Out"/> (colours and live refresh only where the output is a terminal).</summary>
    public IAnsiConsole Ansi() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Out),
        Ansi = AnsiSupport.Detect,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });
}
