using System.CommandLine;
using System.Globalization;
using ChargePoint.Simulators.Ev;
using ChargePoint.V2g.Secc;
using ChargePoint.V2g.Tests.Tls;

namespace ChargePoint.V2g.Tests.Secc;

/// <summary><c>cpsim ev --secc ...</c> against our SECC over TLS 1.3, trusting a V2G root given as a PEM file.</summary>
public sealed class EvCommandTests(PkiFixture fixture) : IClassFixture<PkiFixture>
{
    [Fact]
    public async Task Cpsim_ev_runs_a_session_against_an_secc_address()
    {
        await using var secc = new SeccLoopback(fixture.Pki);
        var rootFile = Path.Combine(Path.GetTempPath(), $"v2g-root-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(rootFile, fixture.Pki.V2gRoot.ExportCertificatePem());
        try
        {
            var root = new RootCommand { EvCommand.Create() };
            var endPoint = string.Create(CultureInfo.InvariantCulture, $"[::1]:{secc.EndPoint.Port}");
            var output = new StringWriter();
            var exitCode = await root.Parse(["ev", "--secc", endPoint, "--v2g-root", rootFile, "--loops", "2", "--loop-interval-ms", "5"])
                .InvokeAsync(new InvocationConfiguration { Output = output, Error = output })
                .WaitAsync(SeccLoopback.Patience);

            Assert.True(exitCode == 0, output.ToString());
            Assert.Contains("cpsim ev: Completed", output.ToString(), StringComparison.Ordinal);
            Assert.Equal(SafeStateReason.SessionTerminated, await secc.Firmware.FirstSafeState.WaitAsync(SeccLoopback.Patience));
        }
        finally
        {
            File.Delete(rootFile);
        }
    }
}
