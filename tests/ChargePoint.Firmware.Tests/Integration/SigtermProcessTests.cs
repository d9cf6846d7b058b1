using System.Diagnostics;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>A real <c>chargepoint --simulate</c> process receiving a real SIGTERM mid-discharge.</summary>
public sealed class SigtermProcessTests
{
    [Fact]
    public async Task Sigterm_mid_discharge_ends_the_transaction_locally_and_exits()
    {
        var firmware = Path.Combine(AppContext.BaseDirectory, "chargepoint.dll");
        var storage = Directory.CreateTempSubdirectory("cp-sigterm");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { firmware, "--simulate", "--Simulation:ChargeSeconds=0.5", "--Simulation:DischargeSeconds=60", $"--Storage:Path={storage.FullName}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var discharging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
                if (line.Contains("EVSE 1: Discharging", StringComparison.Ordinal))
                {
                    discharging.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        try
        {
            await discharging.Task.WaitAsync(TimeSpan.FromSeconds(60));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var log = string.Join('\n', output);
            Assert.Matches(@"transaction \w+ ended \(Local\), imported [\d.]+ Wh, exported [\d.]+ Wh", log);
            Assert.Contains("Power path opening", log, StringComparison.Ordinal);
            Assert.Contains("connector Unavailable", log, StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            storage.Delete(recursive: true);
        }
    }
}
