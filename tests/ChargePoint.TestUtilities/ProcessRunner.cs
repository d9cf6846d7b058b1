using System.Diagnostics;

namespace ChargePoint.TestUtilities;

/// <summary>The outcome of a finished child process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>Runs a command to completion with a time limit, capturing both output streams.</summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            var partial = Task.WhenAll(stdout, stderr);
            var captured = await Task.WhenAny(partial, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false) == partial
                ? new ProcessResult(-1, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false)).ToString()
                : "(the output stayed open after the kill)";

            // The output up to the kill is what explains a hang, so it travels with the exception.
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}; killed. Output so far:\n{captured}");
        }

        // A grandchild (e.g. a build server) may inherit the pipes and keep them open after the process exits:
        // give the output a short grace period instead of waiting for an end of stream that may never come.
        var output = Task.WhenAll(stdout, stderr);
        if (await Task.WhenAny(output, Task.Delay(TimeSpan.FromSeconds(10))).ConfigureAwait(false) != output)
        {
            throw new TimeoutException($"{fileName} exited with {process.ExitCode} but a child process kept its output open");
        }

        return new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }
}
