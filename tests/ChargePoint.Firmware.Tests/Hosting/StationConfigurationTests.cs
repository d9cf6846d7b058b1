using ChargePoint.Firmware.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChargePoint.Firmware.Tests.Hosting;

public sealed class StationConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("cp-config");

    [Fact]
    public void The_board_file_overrides_defaults_and_the_command_line_overrides_the_board_file()
    {
        var file = Path.Combine(_dir.FullName, "chargepoint.json");
        File.WriteAllText(file, """{ "Ocpp": { "StationId": "from-file", "CsmsUrl": "ws://file" } }""");

        using var host = StationHostBuilder.Build(["--config", file, "--Ocpp:StationId=from-cli"]);
        var configuration = host.Services.GetRequiredService<IConfiguration>();

        Assert.Equal("from-cli", configuration["Ocpp:StationId"]);
        Assert.Equal("ws://file", configuration["Ocpp:CsmsUrl"]);
    }

    [Fact]
    public void A_missing_board_file_is_a_startup_error_naming_the_file()
    {
        var missing = Path.Combine(_dir.FullName, "nope.json");

        var ex = Assert.Throws<StationStartupException>(() => StationHostBuilder.Build(["--config", missing]));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
        Assert.Throws<StationStartupException>(() => StationCommandLine.Parse(["--config"]));
    }

    [Fact]
    public async Task A_malformed_board_file_stops_startup_with_exit_code_2()
    {
        var file = Path.Combine(_dir.FullName, "broken.json");
        File.WriteAllText(file, "{ not json");

        var exit = await StationProgram.RunAsync(["--config", file]);

        Assert.Equal(StationProgram.StartupFailedExitCode, exit);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}
