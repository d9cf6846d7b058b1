using System.Text.Json;
using ChargePoint.Cli;
using ChargePoint.TestUtilities;

namespace ChargePoint.Firmware.Tests.Cli;

/// <summary><c>cpdiag config validate</c>: the firmware's own validators, offline, on the shipped examples and on broken files.</summary>
public sealed class ConfigValidateTests
{
    public static IEnumerable<object[]> ShippedConfigurations =>
        Directory.GetFiles(RepositoryPaths.Combine("deploy", "config"), "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(ShippedConfigurations))]
    public async Task Every_shipped_board_configuration_is_valid(string file)
    {
        var run = await CliRun.RunAsync("config", "validate", RepositoryPaths.Combine("deploy", "config", file), "--json");

        Assert.True(run.Exit == CliExitCodes.Ok, run.ToString());
        var report = run.Json();
        Assert.True(report.GetProperty("isValid").GetBoolean());
        Assert.Empty(report.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Both_pilot_front_ends_have_an_example()
    {
        var frontEnds = Directory.GetFiles(RepositoryPaths.Combine("deploy", "config"), "*.json")
            .Select(f => JsonDocument.Parse(File.ReadAllText(f), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement)
            .Where(r => r.TryGetProperty("Hal", out var hal) && hal.TryGetProperty("PilotFrontEnd", out _))
            .Select(r => r.GetProperty("Hal").GetProperty("PilotFrontEnd").GetString())
            .ToHashSet();

        Assert.Equal(["Direct", "Mcu"], frontEnds.Order(StringComparer.Ordinal));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Wrong_values_are_reported_per_key_with_exit_1_and_unknown_sections_warned()
    {
        var file = Write("""
            {
              "Hal": { "MaxChargePowerWatts": -5, "PilotFrontEnd": "Direct" },
              "Ocpp": { "SecurityProfile": 7 },
              "Diagnostics": { "Socket": "relative.sock" },
              "Sotrage": { "Path": "/tmp" }
            }
            """);

        var run = await CliRun.RunAsync("config", "validate", file, "--json");

        Assert.Equal(CliExitCodes.CheckFailed, run.Exit);
        var errors = run.Json().GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.StartsWith("Hal:MaxChargePowerWatts is -5", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Ocpp:SecurityProfile is 7", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Diagnostics:Socket 'relative.sock' must be an absolute path", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hardware:Direct:PwmChip is not set", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Hardware:Direct:AdcDevice is empty", StringComparison.Ordinal));
        Assert.Contains("unknown section 'Sotrage'", Assert.Single(run.Json().GetProperty("warnings").EnumerateArray()).GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"Hal\": { ", "not valid JSON")]
    [InlineData("{ \"Simulation\": { \"Sessions\": \"many\" } }", "Simulation:Sessions")]
    public async Task Unreadable_files_are_one_error_line(string content, string expected)
    {
        var file = Write(content);

        var run = await CliRun.RunAsync("config", "validate", file);

        Assert.Equal(CliExitCodes.CheckFailed, run.Exit);
        Assert.Contains(expected, run.Out, StringComparison.Ordinal);
        Assert.EndsWith(": 1 error(s)", run.Out.Trim(), StringComparison.Ordinal);
    }

    private static string Write(string content)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cp-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, content);
        return file;
    }
}
