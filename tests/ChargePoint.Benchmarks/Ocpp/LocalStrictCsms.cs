using System.Diagnostics;
using System.Text.Json;
using ChargePoint.TestUtilities;

namespace ChargePoint.Benchmarks.Ocpp;

/// <summary>
/// The strict CSMS of tests/ocpp-peer (schema validation both ways) started for a benchmark on 127.0.0.1. Its
/// node_modules must be installed (the OCPP tests run <c>npm ci</c> there; or run it by hand).
/// </summary>
internal sealed class LocalStrictCsms : IDisposable
{
    private readonly Process _process;

    public LocalStrictCsms(string password)
    {
        var directory = RepositoryPaths.Combine("tests", "ocpp-peer");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "ocpp-rpc")))
        {
            throw new InvalidOperationException("Run 'npm ci' in tests/ocpp-peer first.");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardInput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "server.js", "--password", password })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        while (_process.StandardOutput.ReadLine() is { } line)
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.GetProperty("event").GetString() == "listening")
            {
                Port = document.RootElement.GetProperty("port").GetInt32();
                break;
            }
        }

        // Keep draining stdout so the peer never blocks on a full pipe.
        _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    }

    public int Port { get; }

    public void Dispose()
    {
        _process.StandardInput.Close();
        if (!_process.WaitForExit(2000))
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
