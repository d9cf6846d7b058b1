using ChargePoint.Cli;
using ChargePoint.Firmware.Hosting;
using ChargePoint.Firmware.Simulation;

namespace ChargePoint.Firmware.Tests.Hosting;

public sealed class EntryPointTests
{
    [Fact]
    public void The_simulate_switch_is_taken_out_before_configuration_parsing()
    {
        var (simulate, rest) = StationCommandLine.Parse(["--simulate", "--Simulation:Ev=none", "--Storage:Path=/tmp/x"]);

        Assert.True(simulate);
        Assert.Equal(["--Simulation:Ev=none", "--Storage:Path=/tmp/x"], rest);
        Assert.False(StationCommandLine.Parse(["--Ocpp:StationId=cp1"]).Simulate);
    }

    [Fact]
    public void The_simulation_plugin_is_found_beside_the_firmware()
    {
        // The firmware's build copies cpsim.dll into its own output, which the test output inherits.
        var rig = SimulationPluginLoader.Load(AppContext.BaseDirectory);

        Assert.Equal("ChargePoint.Simulators.SimulationRig", rig.GetType().FullName);
    }

    [Fact]
    public void A_missing_simulation_plugin_is_a_clear_startup_error()
    {
        var empty = Directory.CreateTempSubdirectory("cp-noplugin");
        try
        {
            var ex = Assert.Throws<StationStartupException>(() => SimulationPluginLoader.Load(empty.FullName));
            Assert.Contains("cpsim.dll", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Cpdiag_rejects_an_unknown_command_with_exit_code_2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApplication.RunAsync(["no-such-command"], stdout, stderr);

        Assert.Equal(CliApplication.ExitInvalidInput, exit);
        Assert.StartsWith("cpdiag: ", stderr.ToString(), StringComparison.Ordinal);
    }
}
