using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>A small OCPP-J 2.1 CSMS over a real WebSocket (HttpListener): accepts the station's CALLs
/// (BootNotification Accepted, empty results otherwise), so the firmware's OCPP client produces real frames.</summary>
internal sealed class TestCsms : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    public TestCsms()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _run = RunAsync();
    }

    public int Port { get; }

    public string Url => $"ws://127.0.0.1:{Port}/ocpp";

    public List<string> Received { get; } = [];

    private async Task RunAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
                var ws = await context.AcceptWebSocketAsync("ocpp2.1");
                _ = ServeAsync(ws.WebSocket);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
                lock (Received)
                {
                    Received.Add(text);
                }

                var frame = JsonNode.Parse(text)!.AsArray();
                if (frame[0]!.GetValue<int>() != 2)
                {
                    continue;
                }

                var action = frame[2]!.GetValue<string>();
                JsonObject payload = action switch
                {
                    "BootNotification" => new() { ["currentTime"] = DateTimeOffset.UtcNow.ToString("O"), ["interval"] = 300, ["status"] = "Accepted" },
                    "Heartbeat" => new() { ["currentTime"] = DateTimeOffset.UtcNow.ToString("O") },
                    _ => [],
                };
                var answer = new JsonArray(3, frame[1]!.GetValue<string>(), payload).ToJsonString();
                await socket.SendAsync(Encoding.UTF8.GetBytes(answer), WebSocketMessageType.Text, true, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or JsonException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Close();
        await _run;
        _stop.Dispose();
    }
}
