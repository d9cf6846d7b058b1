using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChargePoint.TestUtilities;

namespace ChargePoint.Ocpp.Tests.Peer;

/// <summary>
/// The strict OCPP 2.1 CSMS of tests/ocpp-peer (ocpp-rpc with a validator built from our vendored schemas),
/// run as a child process on 127.0.0.1. Every event it prints is kept so tests can assert on the exact traffic.
/// </summary>
public sealed class StrictCsmsPeer : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process _process;
    private readonly List<JsonElement> _events = [];
    private readonly Lock _gate = new();
    private int _nextRef;

    private StrictCsmsPeer(Process process) => _process = process;

    public static string PeerDirectory => RepositoryPaths.Combine("tests", "ocpp-peer");

    public int Port { get; private set; }

    public Uri Url(string scheme = "ws") => new($"{scheme}://127.0.0.1:{Port}/ocpp");

    public static async Task<StrictCsmsPeer> StartAsync(string? password = null, string protocols = "ocpp2.1", string? tlsCert = null, string? tlsKey = null, string? tlsClientCa = null)
    {
        await EnsureInstalledAsync();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = PeerDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("server.js");
        start.ArgumentList.Add("--protocols");
        start.ArgumentList.Add(protocols);
        if (password is not null)
        {
            start.ArgumentList.Add("--password");
            start.ArgumentList.Add(password);
        }

        if (tlsCert is not null)
        {
            start.ArgumentList.Add("--tlsCert");
            start.ArgumentList.Add(tlsCert);
            start.ArgumentList.Add("--tlsKey");
            start.ArgumentList.Add(tlsKey!);
        }

        if (tlsClientCa is not null)
        {
            start.ArgumentList.Add("--tlsClientCa");
            start.ArgumentList.Add(tlsClientCa);
        }

        var peer = new StrictCsmsPeer(Process.Start(start)!);
        peer._process.OutputDataReceived += (_, e) => peer.OnLine(e.Data);
        peer._process.ErrorDataReceived += (_, _) => { }; // ajv prints harmless strict-mode notices.
        peer._process.BeginOutputReadLine();
        peer._process.BeginErrorReadLine();
        var listening = await peer.WaitForAsync(e => Is(e, "listening"), TimeSpan.FromSeconds(20));
        peer.Port = listening.GetProperty("port").GetInt32();
        return peer;
    }

    /// <summary>A fresh clone has no node_modules: install exactly the locked packages once.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(PeerDirectory, "node_modules", "ocpp-rpc")))
            {
                return;
            }

            var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = PeerDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(npm)!;
            var stderr = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("npm ci failed in tests/ocpp-peer: " + await stderr);
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    public static bool Is(JsonElement e, string name) => e.GetProperty("event").GetString() == name;

    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Frames the station sent, parsed, optionally for one identity.</summary>
    public IReadOnlyList<JsonElement> FramesFromStation(string? identity = null) => Frames("fromStation", identity);

    public IReadOnlyList<JsonElement> FramesToStation(string? identity = null) => Frames("toStation", identity);

    /// <summary>Payloads of CALLs the station made for one action, in order.</summary>
    public IReadOnlyList<JsonElement> CallsFromStation(string action, string? identity = null) =>
        [.. FramesFromStation(identity).Where(f => f[0].GetInt32() == 2 && f[2].GetString() == action).Select(f => f[3])];

    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> predicate, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var seen = 0;
        while (true)
        {
            var events = Events;
            for (; seen < events.Count; seen++)
            {
                if (predicate(events[seen]))
                {
                    return events[seen];
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Peer event not seen. Last events:\n" + string.Join("\n", events.TakeLast(15)));
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until the station has made <paramref name="count"/> CALLs of an action.</summary>
    public async Task<IReadOnlyList<JsonElement>> WaitForCallsAsync(string action, int count, string? identity = null, TimeSpan? timeout = null)
    {
        await WaitForAsync(_ => CallsFromStation(action, identity).Count >= count, timeout);
        return CallsFromStation(action, identity);
    }

    /// <summary>Sends a control command and waits for its acknowledgement.</summary>
    public async Task<int> CommandAsync(JsonObject command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var reference = Interlocked.Increment(ref _nextRef);
        command["ref"] = reference;
        await _process.StandardInput.WriteLineAsync(command.ToJsonString());
        await _process.StandardInput.FlushAsync();
        await WaitForAsync(e => (Is(e, "ack") || Is(e, "commandFailed")) && e.TryGetProperty("ref", out var r) && r.ValueKind == JsonValueKind.Number && r.GetInt32() == reference);
        return reference;
    }

    public Task<int> RespondAsync(string action, JsonNode response, int? times = null) =>
        CommandAsync(new JsonObject { ["cmd"] = "respond", ["action"] = action, ["response"] = response, ["times"] = times });

    public Task<int> RawAsync(string text, string? identity = null) => CommandAsync(new JsonObject { ["cmd"] = "raw", ["text"] = text, ["identity"] = identity });

    /// <summary>Makes a CSMS-initiated CALL and returns the peer's callResult / callError event.</summary>
    public async Task<JsonElement> CallAsync(string action, JsonNode payload, string? identity = null, TimeSpan? timeout = null)
    {
        var reference = await CommandAsync(new JsonObject { ["cmd"] = "call", ["action"] = action, ["payload"] = payload, ["identity"] = identity });
        return await WaitForAsync(e => (Is(e, "callResult") || Is(e, "callError")) && e.GetProperty("ref").GetInt32() == reference, timeout);
    }

    public Task<int> ClearScriptAsync() => CommandAsync(new JsonObject { ["cmd"] = "clearScript" });

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(2000))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        await Task.CompletedTask;
    }

    /// <summary>Schema failures the peer saw in either direction; tests assert this stays empty.</summary>
    public IReadOnlyList<JsonElement> StrictValidationFailures => [.. Events.Where(e => Is(e, "strictValidationFailure"))];

    private IReadOnlyList<JsonElement> Frames(string direction, string? identity) =>
        [.. Events.Where(e => Is(e, "frame") && e.GetProperty("dir").GetString() == direction && (identity is null || e.GetProperty("identity").GetString() == identity))
            .Select(e => JsonDocument.Parse(e.GetProperty("message").GetString()!).RootElement)];

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line) || line[0] != '{')
        {
            return;
        }

        var element = JsonDocument.Parse(line).RootElement;
        lock (_gate)
        {
            _events.Add(element);
        }
    }
}
