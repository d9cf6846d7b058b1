using System.CommandLine;
using ChargePoint.Cli.Diagnostics;
using ChargePoint.Cli.Exi;
using ChargePoint.Firmware.Contracts.Diagnostics;

namespace ChargePoint.Cli;

/// <summary>Builds the <c>cpdiag</c> command tree and runs it with the given output writers.</summary>
public static class CliApplication
{
    /// <summary>Exit codes are part of the CLI's documented contract.</summary>
    public const int ExitOk = 0;

    /// <summary>Any invalid input (bad arguments, bad hex, malformed data).</summary>
    public const int ExitInvalidInput = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdout, stderr, Console.In);

    /// <summary>Runs with an explicit standard input (commands such as <c>exi encode</c> read XML from it).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader stdin)
    {
        var root = BuildRootCommand(new CliConsole(stdin, stdout, stderr));
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await stderr.WriteLineAsync($"cpdiag: {error.Message}").ConfigureAwait(false);
            }

            return ExitInvalidInput;
        }

        return await result.InvokeAsync(configuration).ConfigureAwait(false);
    }

    public static RootCommand BuildRootCommand() => BuildRootCommand(new CliConsole(Console.In, Console.Out, Console.Error));

    public static RootCommand BuildRootCommand(CliConsole console)
    {
        var root = new RootCommand("ChargePoint diagnostics: inspect a running charger and decode its protocols.");
        var socket = new Option<string>("--socket")
        {
            Description = $"The firmware's diagnostics socket (default {DiagnosticsDefaults.SocketPath}, the firmware's Diagnostics:Socket).",
            Recursive = true,
        };
        root.Options.Add(socket);
        foreach (var command in new StationCommands(console, socket).Create())
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(ConfigCommands.Create(console));
        root.Subcommands.Add(ExiCommands.Create(console));
        return root;
    }
}
