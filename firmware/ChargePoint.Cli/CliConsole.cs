using Spectre.Console;

namespace ChargePoint.Cli;

/// <summary>The standard streams a command uses, so tests can run the real command tree in-process.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>A Spectre console over <see cref="Out"/> (colours and live refresh only where the output is a terminal).</summary>
    public IAnsiConsole Ansi()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
            Interactive = InteractionSupport.Detect,
        });
        if (!ReferenceEquals(Out, Console.Out) || Console.IsOutputRedirected)
        {
            // Piped or captured: no terminal width to honour, so tables keep ids and numbers on one line.
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    private const int RedirectedWidth = 240;
}
