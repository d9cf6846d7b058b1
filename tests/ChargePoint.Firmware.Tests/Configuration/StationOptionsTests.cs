using ChargePoint.Firmware.Hosting;
using Microsoft.Extensions.Options;

namespace ChargePoint.Firmware.Tests.Configuration;

public sealed class StationOptionsTests
{
    private static async Task<string> StartupErrorAsync(params string[] args)
    {
        using var host = StationHostBuilder.Build(args);
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return ex.Message;
    }

    [Theory]
    [InlineData("--Ocpp:CsmsUrl=http://csms", "Ocpp:CsmsUrl")]
    [InlineData("--Ocpp:StationId=has space", "Ocpp:StationId")]
    [InlineData("--Ocpp:SecurityProfile=7", "Ocpp:SecurityProfile")]
    [InlineData("--Simulation:Ev=warp-drive", "Simulation:Ev")]
    [InlineData("--Hal:MaxChargePowerWatts=-1", "Hal:MaxChargePowerWatts")]
    [InlineData("--V2g:SequenceTimeoutSeconds=120", "V2g:SequenceTimeoutSeconds")]
    [InlineData("--V2g:ControlMode=turbo", "V2g:ControlMode")]
    [InlineData("--Simulation:Sessions=1", "Simulation:Sessions")]
    [InlineData("--Storage:Path=/proc/no-such-dir/x", "Storage:Path")]
    public async Task A_bad_setting_stops_start_up_with_a_message_naming_the_key(string argument, string key)
    {
        var message = await StartupErrorAsync("--simulate", "--Simulation:Ev=none", argument);

        Assert.Contains(key, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--V2g:Interface=lo", "V2g:Tls:CertificateChain")]
    [InlineData("--V2g:Tls:CertificateChain=/nonexistent.pem", "V2g:Interface")]
    public async Task An_external_ev_needs_an_interface_and_tls_material(string argument, string key)
    {
        using var host = StationHostBuilder.Build(["--simulate", "--Simulation:Ev=external", "--V2g:Tls:PrivateKey=/nonexistent.pem", argument]);

        var error = await Assert.ThrowsAsync<StationStartupException>(() => host.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_need_a_positive_count()
    {
        var message = await StartupErrorAsync("--simulate", "--Simulation:Sessions=0");

        Assert.Contains("Simulation:Sessions", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_reported_with_its_key_and_exit_code_2()
    {
        var exit = await StationProgram.RunAsync(["--simulate", "--Simulation:Sessions=many"]);

        Assert.Equal(StationProgram.StartupFailedExitCode, exit);
    }
}
