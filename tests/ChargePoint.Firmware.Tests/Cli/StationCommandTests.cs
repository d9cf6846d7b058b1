using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using ChargePoint.Cli;
using ChargePoint.Firmware.Contracts.Diagnostics;
using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary><c>cpdiag</c> against the real firmware host in simulation mode (idle EVSE, real WebSocket CSMS).</summary>
public sealed class StationCommandTests(IdleStationFixture fixture) : IClassFixture<IdleStationFixture>
{
    private DiagnosticsStation Station => fixture.Station;

    [Fact]
    public async Task Status_reports_the_idle_evse_and_the_connected_csms_link()
    {
        await SimulatedWait(async () => (await Station.CpdiagAsync("status", "--json")).Json().GetProperty("ocpp").GetProperty("state").GetString() == "connected");

        var run = await Station.CpdiagAsync("status", "--json");

        Assert.True(run.Exit == CliExitCodes.Ok, run.ToString());
        var status = run.Json();
        Assert.Equal(1, status.GetProperty("ocpp").GetProperty("securityProfile").GetInt32());
        Assert.Equal("ocpp2.1", status.GetProperty("ocpp").GetProperty("subProtocol").GetString());
        var evse = Assert.Single(status.GetProperty("evses").EnumerateArray().ToList());
        Assert.Equal("Idle", evse.GetProperty("state").GetString());
        Assert.Equal("A", evse.GetProperty("pilotState").GetString());
        Assert.Equal("none", evse.GetProperty("v2gState").GetString());
        Assert.Empty(evse.GetProperty("faults").EnumerateArray());
        Assert.True(evse.GetProperty("limits").TryGetProperty("setpointWatts", out _));
        var human = await Station.CpdiagAsync("status");
        Assert.Contains("connected", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selftest_on_an_idle_unplugged_evse_passes_every_check_and_leaves_the_contactors_open()
    {
        var run = await Station.CpdiagAsync("selftest", "--json");

        Assert.True(run.Exit == CliExitCodes.Ok, run.ToString());
        var report = run.Json();
        Assert.True(report.GetProperty("passed").GetBoolean(), run.Out);
        var names = report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        Assert.Contains(names, n => n.StartsWith("contactor ", StringComparison.Ordinal));
        Assert.Contains("meter read", names);
        Assert.Contains("power module ping", names);
        Assert.Equal(3, names.Count(n => n.StartsWith("pilot", StringComparison.Ordinal)));
        var hardware = (ChargePoint.Hal.Simulated.SimulatedStationHardware)Station.Services.GetService(typeof(ChargePoint.Hal.Simulated.SimulatedStationHardware))!;
        Assert.All(hardware.Contactors, c => Assert.False(c.IsContactClosed));
        var manager = await Station.Manager;
        Assert.Equal("Idle", manager.State.ToString());
    }

    [Fact]
    public async Task Live_streams_samples_as_json_lines()
    {
        var run = await Station.CpdiagAsync("live", "--json", "--count", "2", "--interval", "100");

        Assert.True(run.Exit == CliExitCodes.Ok, run.ToString());
        var samples = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, samples.Count);
        Assert.All(samples, s => Assert.Equal(1, s.GetProperty("evseId").GetInt32()));
        Assert.All(samples, s => Assert.True(s.TryGetProperty("importedWattHours", out _) && s.TryGetProperty("voltageVolts", out _)));
        var view = await Station.CpdiagAsync("live", "--count", "1");
        Assert.True(view.Exit == CliExitCodes.Ok, view.ToString());
        Assert.Contains("Imported", view.Out, StringComparison.Ordinal);
        Assert.Contains("Idle", view.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trace_of_the_station_holds_the_real_ocpp_frames_and_writes_a_readable_pcapng()
    {
        await SimulatedWait(() => Task.FromResult(fixture.Csms.Received.Count > 0));
        var pcap = Path.Combine(Station.Storage.FullName, "trace.pcapng");

        var run = await Station.CpdiagAsync("trace", "--session", "station", "--json", "--pcap", pcap);

        Assert.True(run.Exit == CliExitCodes.Ok, run.ToString());
        var messages = run.Json().GetProperty("messages").EnumerateArray().ToList();
        var boot = messages.First(m => m.GetProperty("direction").GetString() == "tx");
        Assert.Equal("ocpp", boot.GetProperty("protocol").GetString());
        Assert.Contains("\"BootNotification\"", boot.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains(messages, m => m.GetProperty("direction").GetString() == "rx" && m.GetProperty("text").GetString()!.Contains("Accepted", StringComparison.Ordinal));
        var capture = PcapngReader.Read(await File.ReadAllBytesAsync(pcap));
        Assert.True(capture.Packets.Count >= messages.Count + 5, $"{capture.Packets.Count} packets for {messages.Count} messages");
        Assert.Contains("wrote", run.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Garbage_on_the_socket_gets_error_responses_and_the_endpoint_keeps_serving()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(Station.Socket));
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream);

        await stream.WriteAsync("this is not json\n{\"command\":\"reboot\"}\n{\"version\":99,\"command\":\"status\"}\n{\"command\":\"status\"}\n"u8.ToArray());

        Assert.Equal(DiagnosticsErrors.BadRequest, ErrorCode(await reader.ReadLineAsync()));
        Assert.Equal(DiagnosticsErrors.UnknownCommand, ErrorCode(await reader.ReadLineAsync()));
        Assert.Equal(DiagnosticsErrors.UnsupportedVersion, ErrorCode(await reader.ReadLineAsync()));
        Assert.True(JsonDocument.Parse((await reader.ReadLineAsync())!).RootElement.TryGetProperty("status", out _));
        await stream.WriteAsync(Encoding.UTF8.GetBytes(new string('x', DiagnosticsProtocol.MaxRequestBytes + 10)));
        Assert.Equal(DiagnosticsErrors.BadRequest, ErrorCode(await reader.ReadLineAsync()));
        Assert.Equal(CliExitCodes.Ok, (await Station.CpdiagAsync("status", "--json")).Exit);
    }

    [Fact]
    public void The_socket_is_mode_0660()
    {
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(Station.Socket));
    }

    [Fact]
    public async Task A_user_outside_the_socket_group_gets_the_permission_denied_line_from_the_real_cpdiag_process()
    {
        // Real process, run as 'nobody' (root bypasses file permissions, so the in-process client cannot show this).
        var cpdiag = Path.Combine(AppContext.BaseDirectory, "cpdiag.dll");
        var directory = Path.GetDirectoryName(Station.Socket)!;
        var mode = File.GetUnixFileMode(directory);
        File.SetUnixFileMode(directory, mode | UnixFileMode.OtherExecute);
        try
        {
            var run = await ProcessRunner.RunAsync(
                "setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", cpdiag, "status", "--socket", Station.Socket],
                TimeSpan.FromMinutes(1),
                environment: new Dictionary<string, string> { ["HOME"] = "/tmp", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });

            Assert.True(run.ExitCode == CliExitCodes.PermissionDenied, run.ToString());
            Assert.StartsWith($"cpdiag: permission denied on {Station.Socket}", run.StandardError, StringComparison.Ordinal);
            Assert.Single(run.StandardError.Trim().Split('\n'));
        }
        finally
        {
            File.SetUnixFileMode(directory, mode);
        }
    }

    private static string? ErrorCode(string? line) =>
        JsonDocument.Parse(line!).RootElement.GetProperty("error").GetProperty("code").GetString();

    private static async Task SimulatedWait(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in 30 s");
            await Task.Delay(50);
        }
    }
}
