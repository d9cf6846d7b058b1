using ChargePoint.Cli;
using ChargePoint.Firmware.Hosting;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary>The documented one-line errors and exit codes, and the firmware's start-up check of the socket directory.</summary>
public sealed class CpdiagErrorTests
{
    [Fact]
    public async Task No_socket_means_firmware_not_running_with_exit_3()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cp-none-{Guid.NewGuid():N}.sock");

        var run = await CliRun.RunAsync("status", "--socket", path);

        Assert.Equal(CliExitCodes.FirmwareNotRunning, run.Exit);
        Assert.Equal($"cpdiag: the firmware is not running: no diagnostics socket at {path} (check `systemctl status chargepoint`, or pass --socket).", run.Err.Trim());
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task A_stale_socket_file_nobody_listens_on_means_not_running_and_the_firmware_replaces_it_at_start()
    {
        var storage = Directory.CreateTempSubdirectory("cp-stale");
        var stale = Path.Combine(storage.FullName, "diag.sock");
        // What a crash leaves behind: a file at the path that nobody accepts connections on.
        await File.WriteAllTextAsync(stale, string.Empty);

        var before = await CliRun.RunAsync("status", "--socket", stale);
        Assert.Equal(CliExitCodes.FirmwareNotRunning, before.Exit);
        Assert.Contains("nothing listens on", before.Err, StringComparison.Ordinal);

        await using var station = await DiagnosticsStation.StartAsync(storage, "--Simulation:Ev=none");
        Assert.Equal(CliExitCodes.Ok, (await station.CpdiagAsync("sessions", "--json")).Exit);
    }

    [Fact]
    public async Task A_missing_socket_directory_stops_start_up_with_one_clear_message()
    {
        var storage = Directory.CreateTempSubdirectory("cp-nodir");
        try
        {
            using var host = StationHostBuilder.Build(["--simulate", "--Simulation:Ev=none", $"--Storage:Path={storage.FullName}", "--Diagnostics:Socket=/nonexistent-cp-dir/diag.sock"]);

            var ex = await Assert.ThrowsAsync<StationStartupException>(() => host.StartAsync());

            Assert.StartsWith("Diagnostics:Socket: the directory /nonexistent-cp-dir does not exist", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            storage.Delete(recursive: true);
        }
    }
}
