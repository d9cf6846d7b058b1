using System.Security.Cryptography.X509Certificates;
using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tests.Tls;

/// <summary>The OpenSSL command-line client as an EV we did not write, against our SECC TLS listener.</summary>
public sealed class OpenSslPeerTests(PkiFixture fixture) : IClassFixture<PkiFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cp-sclient-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [OpenSslFact]
    public async Task Openssl_ev_completes_mutual_tls13_with_the_profile_and_delivers_a_frame()
    {
        await using var listener = LoopbackV2g.StartListener(fixture.Pki, evRoots: [fixture.Pki.OemRoot!]);
        var frame = V2gtpFrameWriter.Encode(new V2gtpMessage(V2gtpPayloadType.SapOrLegacyExi, new byte[] { 0x80, 0x00, 0xDB }));
        var vehicle = Pem("vehicle.pem", fixture.Pki.VehicleLeaf!.ExportCertificatePem());
        var oemChain = Pem("oem-chain.pem", $"{fixture.Pki.OemSubCa2!.ExportCertificatePem()}\n{fixture.Pki.OemSubCa1!.ExportCertificatePem()}\n");
        var client = StartSClient(listener.LocalEndPoint!, $"-tls1_3 -groups P-521 -cert {vehicle} -key {VehicleKey()} -cert_chain {oemChain}");
        await client.StandardInput.BaseStream.WriteAsync(frame);
        await client.StandardInput.BaseStream.FlushAsync();

        IV2gConnection accepted;
        try
        {
            accepted = await listener.AcceptAsync().AsTask().WaitAsync(LoopbackV2g.Patience);
        }
        catch (TimeoutException)
        {
            client.Kill();
            throw new InvalidOperationException($"No connection (handshake failures {listener.HandshakeFailures}): {await FinishAsync(client)}");
        }

        await using (var secc = accepted)
        {
            var received = await secc.ReceiveAsync().AsTask().WaitAsync(LoopbackV2g.Patience);
            Assert.Equal(new byte[] { 0x80, 0x00, 0xDB }, received.Message.Payload.ToArray());
            Assert.Equal(SslProtocols.Tls13, secc.Security.Protocol);
            Assert.True(secc.Security.ClientCertificateTrusted);
        }

        var output = await FinishAsync(client);
        Assert.Contains("TLSv1.3", output, StringComparison.Ordinal);
        Assert.Contains("TLS_AES_256_GCM_SHA384", output, StringComparison.Ordinal);
        Assert.Contains("Verify return code: 0 (ok)", output, StringComparison.Ordinal);
        Assert.Contains("Test OEM Root CA", output, StringComparison.Ordinal); // acceptable client CA names
    }

    [OpenSslFact]
    public async Task Openssl_tls12_ev_is_refused()
    {
        await using var listener = LoopbackV2g.StartListener(fixture.Pki);

        var client = StartSClient(listener.LocalEndPoint!, "-tls1_2");
        client.StandardInput.Close();
        await FinishAsync(client);

        Assert.NotEqual(0, client.ExitCode);
        await LoopbackV2g.WaitUntilAsync(() => listener.HandshakeFailures == 1);
    }

    private Process StartSClient(IPEndPoint secc, string extra) => Process.Start(new ProcessStartInfo(
        "openssl",
        $"s_client -connect [::1]:{secc.Port} -CAfile {Pem("v2g-root.pem", fixture.Pki.V2gRoot.ExportCertificatePem())} -verify_return_error -ign_eof {extra}")
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    })!;

    private static async Task<string> FinishAsync(Process client)
    {
        var stdout = client.StandardOutput.ReadToEndAsync();
        var stderr = client.StandardError.ReadToEndAsync();
        await client.WaitForExitAsync().WaitAsync(LoopbackV2g.Patience);
        return await stdout + await stderr;
    }

    private string VehicleKey()
    {
        using var key = fixture.Pki.VehicleLeaf!.GetECDsaPrivateKey()!;
        return Pem("vehicle-key.pem", key.ExportPkcs8PrivateKeyPem());
    }

    private string Pem(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
