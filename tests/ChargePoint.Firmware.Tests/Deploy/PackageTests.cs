using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Deploy;

/// <summary>What an integrator installs on a board: the Debian packages, their unit file and the builds.</summary>
public sealed class PackageTests(PackagesFixture packages) : IClassFixture<PackagesFixture>
{
    [Fact]
    public void The_build_script_succeeds()
    {
        Assert.True(packages.Build.ExitCode == 0, packages.Build.ToString());
    }

    [Theory]
    [InlineData("arm64")]
    [InlineData("amd64")]
    public async Task Control_fields_declare_architecture_version_and_the_runtime_dependency(string arch)
    {
        var fields = await DpkgField(arch, "Package", "Version", "Architecture", "Depends");

        Assert.Contains("Package: chargepoint", fields, StringComparison.Ordinal);
        Assert.Contains($"Version: {packages.Version}", fields, StringComparison.Ordinal);
        Assert.Contains($"Architecture: {arch}", fields, StringComparison.Ordinal);
        Assert.Contains("dotnet-runtime-10.0", fields, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arm64", "linux-arm64", "linux-x64")]
    [InlineData("amd64", "linux-x64", "linux-arm64")]
    public void Package_holds_binaries_configuration_unit_and_only_its_own_native_sqlite(string arch, string own, string other)
    {
        var root = packages.Root(arch);

        foreach (var path in new[]
                 {
                     "opt/chargepoint/firmware/chargepoint.dll", "opt/chargepoint/firmware/cpsim.dll",
                     "opt/chargepoint/cli/cpdiag.dll", "usr/bin/chargepoint", "usr/bin/cpdiag",
                     "etc/chargepoint/chargepoint.json", "lib/systemd/system/chargepoint.service",
                     "lib/udev/rules.d/99-chargepoint.rules",
                     $"opt/chargepoint/firmware/runtimes/{own}/native/libe_sqlite3.so",
                 })
        {
            Assert.True(File.Exists(Path.Combine(root, path)), $"{arch} package lacks {path}");
        }

        Assert.False(Directory.Exists(Path.Combine(root, $"opt/chargepoint/firmware/runtimes/{other}")), $"{arch} package carries {other} natives");
        Assert.True((File.GetUnixFileMode(Path.Combine(root, "usr/bin/chargepoint")) & UnixFileMode.UserExecute) != 0);
    }

    [Fact]
    public async Task Configuration_is_a_conffile_and_maintainer_scripts_are_valid_shell()
    {
        var control = Directory.CreateTempSubdirectory("cp-control");
        try
        {
            var result = await ProcessRunner.RunAsync("dpkg-deb", ["-e", packages.Deb("amd64"), control.FullName], TimeSpan.FromMinutes(1));
            Assert.Equal(0, result.ExitCode);

            Assert.Equal("/etc/chargepoint/chargepoint.json", File.ReadAllText(Path.Combine(control.FullName, "conffiles")).Trim());
            foreach (var script in new[] { "postinst", "prerm", "postrm" })
            {
                var path = Path.Combine(control.FullName, script);
                var syntax = await ProcessRunner.RunAsync("sh", ["-n", path], TimeSpan.FromSeconds(30));
                Assert.True(syntax.ExitCode == 0, $"{script}: {syntax}");
            }

            var postinst = File.ReadAllText(Path.Combine(control.FullName, "postinst"));
            Assert.Contains("adduser --system --group", postinst, StringComparison.Ordinal);
            Assert.DoesNotContain("cp ", postinst, StringComparison.Ordinal);
        }
        finally
        {
            control.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Unit_file_is_valid_for_systemd_and_grants_only_the_raw_network_capabilities()
    {
        var unitPath = Path.Combine(packages.Root("amd64"), "lib/systemd/system/chargepoint.service");
        var unit = File.ReadAllLines(unitPath);

        Assert.Contains("Type=notify", unit);
        Assert.Contains(unit, l => l.StartsWith("WatchdogSec=", StringComparison.Ordinal));
        Assert.Contains("Restart=on-failure", unit);
        Assert.Contains("User=chargepoint", unit);
        Assert.Contains("AmbientCapabilities=CAP_NET_RAW CAP_NET_ADMIN", unit);
        Assert.Contains("CapabilityBoundingSet=CAP_NET_RAW CAP_NET_ADMIN", unit);
        Assert.Contains("ProtectSystem=strict", unit);
        Assert.Contains("ReadWritePaths=/var/lib/chargepoint", unit);

        if (!File.Exists("/usr/bin/systemd-analyze"))
        {
            return; // Structural checks above still ran; systemd's own parser is not installed here.
        }

        // systemd-analyze insists that ExecStart exists on this machine; everything else is checked as shipped.
        var copy = Path.Combine(Path.GetTempPath(), $"chargepoint-{Guid.NewGuid():N}.service");
        File.WriteAllLines(copy, unit.Select(l => l.StartsWith("ExecStart=", StringComparison.Ordinal) ? "ExecStart=/bin/true" : l));
        try
        {
            var verify = await ProcessRunner.RunAsync("systemd-analyze", ["verify", copy], TimeSpan.FromMinutes(1));
            Assert.True(verify.ExitCode == 0 && verify.StandardError.Length == 0 && verify.StandardOutput.Length == 0, verify.ToString());
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Fact]
    public async Task Packaged_firmware_and_cli_run_on_this_machine()
    {
        var root = packages.Root("amd64");

        var firmware = await ProcessRunner.RunAsync(
            "dotnet", [Path.Combine(root, "opt/chargepoint/firmware/chargepoint.dll"), "--config", "/nonexistent/chargepoint.json"],
            TimeSpan.FromMinutes(1));
        Assert.True(firmware.ExitCode == 2, firmware.ToString());
        Assert.Contains("/nonexistent/chargepoint.json", firmware.StandardError, StringComparison.Ordinal);

        var cli = await ProcessRunner.RunAsync("dotnet", [Path.Combine(root, "opt/chargepoint/cli/cpdiag.dll"), "--help"], TimeSpan.FromMinutes(1));
        Assert.True(cli.ExitCode == 0, cli.ToString());
        Assert.Contains("cpdiag", cli.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Self_contained_x64_build_runs_without_a_runtime_and_refuses_simulation()
    {
        var tarball = Path.Combine(packages.Output.FullName, $"chargepoint_{packages.Version}_linux-x64_selfcontained.tar.gz");
        Assert.True(File.Exists(tarball), packages.Build.ToString());
        var dir = Directory.CreateTempSubdirectory("cp-sc");
        try
        {
            Assert.Equal(0, (await ProcessRunner.RunAsync("tar", ["-xzf", tarball, "-C", dir.FullName], TimeSpan.FromMinutes(1))).ExitCode);

            var run = await ProcessRunner.RunAsync(Path.Combine(dir.FullName, "firmware", "chargepoint"), ["--simulate"], TimeSpan.FromMinutes(1));

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("no simulation support", run.StandardError, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dir.FullName, "cli", "cpdiag")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }

        // The mirror has no linux-arm64 runtime packs: the script must say so instead of failing.
        Assert.Contains("linux-arm64", packages.Build.StandardOutput, StringComparison.Ordinal);
    }

    private async Task<string> DpkgField(string arch, params string[] fields)
    {
        var result = await ProcessRunner.RunAsync("dpkg-deb", ["-f", packages.Deb(arch), .. fields], TimeSpan.FromMinutes(1));
        Assert.Equal(0, result.ExitCode);
        return result.StandardOutput;
    }
}
