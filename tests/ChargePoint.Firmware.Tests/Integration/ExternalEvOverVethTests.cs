using System.Security.Cryptography.X509Certificates;
using ChargePoint.TestUtilities;
using ChargePoint.TestUtilities.Netns;
using ChargePoint.TestUtilities.Pki;
using Xunit.Abstractions;

namespace ChargePoint.Firmware.Tests.Integration;

/// <summary>
/// The external-EV contract (issue 5): the real <c>chargepoint --simulate --Simulation:Ev=external
/// --V2g:Interface=…</c> process in one network namespace, the <c>cpsim ev</c> process in another, joined by a
/// veth pair: SDP multicast on ff02::1, TCP/TLS 1.3 to the station's IPv6 link-local address with a PKI from the
/// configuration (PEM files), no SLAC, and the simulated pilot following the session so energy flows.
/// </summary>
public sealed class ExternalEvOverVethTests(NetworkNamespaceFixture fixture, ITestOutputHelper output) : IClassFixture<NetworkNamespaceFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [RootFact]
    public async Task Chargepoint_with_an_external_ev_runs_a_whole_dc_bpt_session_over_veth()
    {
        var pair = fixture.Pair;
        var folder = Directory.CreateTempSubdirectory("cp-external-ev");
        try
        {
            using var pki = V2gTestPki.Create(DateTimeOffset.UtcNow);
            var chain = Write(folder, "secc-chain.pem", pki.SeccLeaf.ExportCertificatePem() + "\n" + pki.CpoSubCa2.ExportCertificatePem() + "\n" + pki.CpoSubCa1.ExportCertificatePem());
            var key = Write(folder, "secc-key.pem", pki.SeccLeaf.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
            var root = Write(folder, "v2g-root.pem", pki.V2gRoot.ExportCertificatePem());

            await LinkLocalAddresses.WaitUntilUsableAsync(pair.Secc, NetworkNamespacePair.SeccInterface); // the station binds its link-local address
            var station = ProcessRunner.RunAsync("ip", [
                "netns", "exec", pair.Secc, "dotnet", Path.Combine(AppContext.BaseDirectory, "chargepoint.dll"),
                "--simulate", "--Simulation:Ev=external", "--Simulation:Sessions=1",
                $"--V2g:Interface={NetworkNamespacePair.SeccInterface}", "--V2g:ControlMode=dynamic",
                $"--V2g:Tls:CertificateChain={chain}", $"--V2g:Tls:PrivateKey={key}",
                $"--Storage:Path={Path.Combine(folder.FullName, "state")}",
            ], Patience);
            // Each process's output goes to the test output as soon as it is known, so a hang on one side is
            // explained by what the other side saw.
            var evResult = await RunEvAsync(pair, root, station, output);
            ProcessResult stationResult;
            try
            {
                stationResult = await station;
            }
            catch (TimeoutException timeout)
            {
                output.WriteLine("station: " + timeout.Message);
                throw;
            }

            output.WriteLine("station: " + stationResult);

            Assert.Equal(0, evResult.ExitCode);
            Assert.Contains("cpsim ev: Completed, last SessionStopRes OK", evResult.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("over Tls13", evResult.StandardOutput, StringComparison.Ordinal);
            Assert.Matches(@"connected to \[fe80::[0-9a-f:]+%\d+\]:\d+", evResult.StandardOutput); // the station's link-local address
            Assert.Contains("← DC_CableCheckRes OK Finished", evResult.StandardOutput, StringComparison.Ordinal);

            // The station ran the session through its EVSE manager: the pilot followed (C on PowerDelivery Start),
            // the power module delivered and the meter counted it.
            Assert.Equal(0, stationResult.ExitCode);
            Assert.Matches(@"session 1: external ok, imported [1-9][\d.]* Wh", stationResult.StandardOutput);
            Assert.Contains("Pilot B → C", stationResult.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("ISO 15118-20: service DcBpt, Dynamic control mode", stationResult.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("SLAC:", stationResult.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Runs <c>cpsim ev</c>; while the station is still starting (a loaded CI host can need longer than
    /// one SDP discovery cycle of 50 × 250 ms), a discovery that found no SECC is repeated.</summary>
    private static async Task<ProcessResult> RunEvAsync(NetworkNamespacePair pair, string root, Task station, ITestOutputHelper output)
    {
        for (var attempt = 1; ; attempt++)
        {
            var run = ProcessRunner.RunAsync("ip", [
                "netns", "exec", pair.Ev, "dotnet", Path.Combine(AppContext.BaseDirectory, "cpsim.dll"),
                "ev", "--interface", NetworkNamespacePair.EvInterface, "--v2g-root", root,
                "--service", "DcBpt", "--mode", "Dynamic", "--loops", "12", "--loop-interval-ms", "250",
            ], Patience);
            ProcessResult result;
            try
            {
                result = await run;
            }
            catch (TimeoutException timeout)
            {
                output.WriteLine($"ev attempt {attempt}: {timeout.Message}");
                throw;
            }

            output.WriteLine($"ev attempt {attempt}: {result}");
            if (attempt == 4 || station.IsCompleted || !result.StandardError.Contains("no SECC answered SDP", StringComparison.Ordinal))
            {
                return result;
            }
        }
    }

    private static string Write(DirectoryInfo folder, string name, string content)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
