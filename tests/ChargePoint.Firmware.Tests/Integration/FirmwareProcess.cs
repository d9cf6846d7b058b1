using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// A real <c>chargepoint</c> (or <c>cpsim</c>) process, optionally inside a network namespace, whose output lines
/// are collected as they come so a test can wait for one, stop the process with SIGTERM and always show what it
/// printed when something goes wrong.
/// </summary>
internal sealed class FirmwareProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];
    private readonly Lock _gate = new();

    private FirmwareProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data is null ? null : "[stderr] " + e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public string Output => string.Join('\n', _lines);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <paramref name="assembly"/> (a dll beside the tests) with <paramref name="arguments"/>, inside
    /// namespace <paramref name="ns"/> when given, behind <paramref name="prefix"/> (e.g. setpriv) when given.</summary>
    public static FirmwareProcess Start(string name, string assembly, IEnumerable<string> arguments, string? ns = null, IEnumerable<string>? prefix = null)
    {
        var argv = new List<string>();
        if (ns is not null)
        {
            argv.AddRange(["ip", "netns", "exec", ns]);
        }

        argv.AddRange(prefix ?? []);
        argv.AddRange(["dotnet", Path.Combine(AppContext.BaseDirectory, assembly)]);
        argv.AddRange(arguments);
        var start = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in argv.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        return new FirmwareProcess(Process.Start(start) ?? throw new InvalidOperationException($"cannot start {name}"), name);
    }

    /// <summary>Waits for an output line containing <paramref name="text"/> (also one printed before the call).</summary>
    public Task<string> WaitForLineAsync(string text, TimeSpan timeout) => WaitForLineAsync(l => l.Contains(text, StringComparison.Ordinal), text, timeout);

    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } earlier)
            {
                return earlier;
            }

            _waiters.Add((match, seen));
        }

        var exited = _process.WaitForExitAsync();
        var winner = await Task.WhenAny(seen.Task, exited, Task.Delay(timeout)).ConfigureAwait(false);
        if (winner == seen.Task)
        {
            return await seen.Task.ConfigureAwait(false);
        }

        await Task.Delay(200).ConfigureAwait(false); // let the last lines arrive
        throw new TimeoutException(winner == exited
            ? $"{Name} exited ({_process.ExitCode}) before printing '{what}'. Output:\n{Output}"
            : $"{Name} did not print '{what}' within {timeout}. Output:\n{Output}");
    }

    /// <summary>SIGTERM, then waits for the exit; returns the exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        return await WaitForExitAsync(timeout).ConfigureAwait(false);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Name} did not exit within {timeout}. Output:\n{Output}");
        }

        _process.WaitForExit(); // drains the asynchronous output readers
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult(line);
            }
        }
    }
}
