using ChargePoint.TestUtilities.Netns;
using ChargePoint.TestUtilities.Pki;
using Xunit.Abstractions;

namespace ChargePoint.Firmware.Tests.Integration.Board;

/// <summary>
/// The real <c>chargepoint</c> process in board mode (no <c>--simulate</c>) refusing to start when the board is
/// not usable: every case ends with exit code 2 and one line on stderr that names the setting, never a crash
/// or a stack trace. The devices that do exist are the test's simulated ones on pseudo-terminals.
/// </summary>
public sealed class BoardStartupTests(NetworkNamespaceFixture fixture, ITestOutputHelper output) : IClassFixture<NetworkNamespaceFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cp-board-start");
    private readonly BoardDevices _devices = new();

    [Fact]
    public async Task A_missing_can_interface_stops_start_up_naming_the_key()
    {
        var error = await StartupErrorAsync(null, "--Hardware:PowerModuleSerialCan:Device=", "--Hardware:PowerModuleCanInterface=cpcan9");

        Assert.Contains("Hardware:PowerModuleCanInterface: CAN interface 'cpcan9' is absent", error, StringComparison.Ordinal);
        Assert.Contains("ip link set cpcan9", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_device_stops_start_up_naming_the_key()
    {
        var error = await StartupErrorAsync(null, "--Hardware:MeterSerial:Device=/dev/ttyNOPE7");

        Assert.Contains("Hardware:MeterSerial:Device: serial device /dev/ttyNOPE7 does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_plc_interface_stops_start_up_naming_the_key()
    {
        var error = await StartupErrorAsync(null, "--V2g:Interface=cpplc9");

        Assert.Contains("V2g:Interface", error, StringComparison.Ordinal);
        Assert.Contains("'cpplc9' does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_tls_material_stops_start_up_naming_the_key()
    {
        var error = await StartupErrorAsync(null, "--V2g:Interface=lo", $"--V2g:Tls:CertificateChain={Path.Combine(_folder.FullName, "absent.pem")}");

        Assert.Contains("V2g:Tls", error, StringComparison.Ordinal);
        Assert.Contains("absent.pem", error, StringComparison.Ordinal);
    }

    [RootFact]
    public async Task Without_cap_net_raw_start_up_stops_naming_the_plc_interface()
    {
        var pair = fixture.Pair;

        // Root's capabilities after exec are its bounding set: without CAP_NET_RAW there, no packet socket.
        var error = await StartupErrorAsync(pair.Secc, ["setpriv", "--bounding-set", "-net_raw"], $"--V2g:Interface={NetworkNamespacePair.SeccInterface}");

        Assert.Contains($"V2g:Interface: SLAC cannot use '{NetworkNamespacePair.SeccInterface}'", error, StringComparison.Ordinal);
        Assert.Contains("CAP_NET_RAW", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _devices.Dispose();
        _folder.Delete(recursive: true);
    }

    private Task<string> StartupErrorAsync(string? ns, params string[] overrides) => StartupErrorAsync(ns, null, overrides);

    /// <summary>Runs the board with everything valid except <paramref name="overrides"/> (later keys win) and
    /// returns its one error line.</summary>
    private async Task<string> StartupErrorAsync(string? ns, string[]? prefix, params string[] overrides)
    {
        using var pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
        var pem = pki.WriteSeccPem(Path.Combine(_folder.FullName, "pki"));
        string[] args = [.. _devices.StationArguments(_folder.FullName, pem), .. overrides];
        await using var station = FirmwareProcess.Start("station", "chargepoint.dll", args, ns, prefix);
        var exit = await station.WaitForExitAsync(Patience);
        output.WriteLine(station.Output);

        Assert.Equal(2, exit);
        var errors = station.Output.Split('\n').Where(l => l.StartsWith("[stderr] ", StringComparison.Ordinal)).ToList();
        var line = Assert.Single(errors);
        Assert.StartsWith("[stderr] chargepoint: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", station.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", station.Output, StringComparison.Ordinal);
        return line;
    }
}
