using System.Diagnostics;
using ChargePoint.TestUtilities;
using ChargePoint.V2g.Tls;

namespace ChargePoint.V2g.Tests.Tls;

/// <summary>Key and certificate made by the OpenSSL command line, not by our code, load through the options.</summary>
public sealed class OpenSslMaterialTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cp-openssl-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [OpenSslFact]
    public void Encrypted_secp521r1_key_from_openssl_loads_with_its_password()
    {
        var key = Path.Combine(_folder, "key.pem");
        var cert = Path.Combine(_folder, "cert.pem");
        RunOpenSsl($"req -x509 -newkey ec -pkeyopt ec_paramgen_curve:secp521r1 -keyout {key} -passout pass:pw -out {cert} -subj /CN=DEOSL001 -days 2");
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", File.ReadAllText(key), StringComparison.Ordinal);

        using var credentials = SeccCredentialsLoader.Load(
            new V2gTlsOptions { CertificateChain = cert, PrivateKey = key, PrivateKeyPassword = "pw" },
            new FakeTimeProvider(DateTimeOffset.UtcNow));

        Assert.True(credentials.Leaf.HasPrivateKey);
        Assert.Equal("CN=DEOSL001", credentials.Leaf.Subject);
    }

    [OpenSslFact]
    public void P256_key_from_openssl_is_refused_as_outside_the_profile()
    {
        var key = Path.Combine(_folder, "key.pem");
        var cert = Path.Combine(_folder, "cert.pem");
        RunOpenSsl($"req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout {key} -out {cert} -subj /CN=DEOSL002 -days 2");

        var error = Assert.Throws<TlsCredentialException>(() => SeccCredentialsLoader.Load(
            new V2gTlsOptions { CertificateChain = cert, PrivateKey = key },
            new FakeTimeProvider(DateTimeOffset.UtcNow)));

        Assert.Contains("secp521r1", error.Message, StringComparison.Ordinal);
    }

    private static void RunOpenSsl(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", arguments)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
    }
}

/// <summary>Runs only where the <c>openssl</c> command exists.</summary>
public sealed class OpenSslFactAttribute : FactAttribute
{
    public OpenSslFactAttribute()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, "openssl")));
        if (!onPath)
        {
            Skip = "openssl command not found";
        }
    }
}
