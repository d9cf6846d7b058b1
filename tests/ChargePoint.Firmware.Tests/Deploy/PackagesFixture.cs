using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Deploy;

/// <summary>Runs deploy/build-packages.sh once (both .deb packages and the self-contained builds).</summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    public DirectoryInfo Output { get; } = Directory.CreateTempSubdirectory("cp-packages");

    public DirectoryInfo Extracted { get; } = Directory.CreateTempSubdirectory("cp-packages-x");

    public ProcessResult Build { get; private set; } = new(-1, string.Empty, string.Empty);

    public string Version { get; } = File.ReadAllText(RepositoryPaths.Combine("deploy", "VERSION")).Trim();

    public string Deb(string arch) => Path.Combine(Output.FullName, $"chargepoint_{Version}_{arch}.deb");

    /// <summary>Where the package for <paramref name="arch"/> was unpacked with dpkg-deb -x.</summary>
    public string Root(string arch) => Path.Combine(Extracted.FullName, arch);

    public async Task InitializeAsync()
    {
        Build = await ProcessRunner.RunAsync(
            "bash", [RepositoryPaths.Combine("deploy", "build-packages.sh"), "--output", Output.FullName, "--self-contained"],
            TimeSpan.FromMinutes(15));
        if (Build.ExitCode != 0)
        {
            return;
        }

        foreach (var arch in new[] { "arm64", "amd64" })
        {
            Directory.CreateDirectory(Root(arch));
            var extract = await ProcessRunner.RunAsync("dpkg-deb", ["-x", Deb(arch), Root(arch)], TimeSpan.FromMinutes(1));
            Assert.Equal(0, extract.ExitCode);
        }
    }

    public Task DisposeAsync()
    {
        Output.Delete(recursive: true);
        Extracted.Delete(recursive: true);
        return Task.CompletedTask;
    }
}
