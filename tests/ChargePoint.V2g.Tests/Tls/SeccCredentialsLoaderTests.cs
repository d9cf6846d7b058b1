using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ChargePoint.TestUtilities;
using ChargePoint.TestUtilities.Pki;
using ChargePoint.V2g.Tls;

namespace ChargePoint.V2g.Tests.Tls;

public sealed class SeccCredentialsLoaderTests(PkiFixture fixture) : IClassFixture<PkiFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cp-tls-").FullName;
    private readonly FakeTimeProvider _clock = new(PkiFixture.Now);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Loads_an_unencrypted_key_with_its_chain_and_roots()
    {
        var files = fixture.Pki.WriteSeccPem(_folder);

        using var credentials = SeccCredentialsLoader.Load(Options(files), _clock);

        Assert.True(credentials.Leaf.HasPrivateKey);
        Assert.Equal(fixture.Pki.SeccLeaf.Thumbprint, credentials.Leaf.Thumbprint);
        Assert.Equal([fixture.Pki.CpoSubCa2.Thumbprint, fixture.Pki.CpoSubCa1.Thumbprint], credentials.Intermediates.Select(c => c.Thumbprint));
        Assert.Equal([fixture.Pki.OemRoot!.Thumbprint], credentials.TrustedRoots.Select(c => c.Thumbprint));
    }

    [Fact]
    public void Loads_an_encrypted_key_with_the_password()
    {
        var files = fixture.Pki.WriteSeccPem(_folder, password: "s3cret");

        using var credentials = SeccCredentialsLoader.Load(Options(files, "s3cret"), _clock);

        using var key = credentials.Leaf.GetECDsaPrivateKey()!;
        byte[] data = [1, 2, 3];
        var signature = key.SignData(data, HashAlgorithmName.SHA512);
        using var publicKey = fixture.Pki.SeccLeaf.GetECDsaPublicKey()!;
        Assert.True(publicKey.VerifyData(data, signature, HashAlgorithmName.SHA512));
    }

    [Theory]
    [InlineData(null, "encrypted")]
    [InlineData("wrong", "password")]
    public void Encrypted_key_without_the_right_password_is_refused(string? password, string messagePart)
    {
        var files = fixture.Pki.WriteSeccPem(_folder, password: "s3cret");

        var error = Assert.Throws<TlsCredentialException>(() => SeccCredentialsLoader.Load(Options(files, password), _clock));

        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_of_another_certificate_is_refused()
    {
        var files = fixture.Pki.WriteSeccPem(_folder);
        var foreign = fixture.Foreign.WriteSeccPem(Path.Combine(_folder, "foreign"));

        var error = Assert.Throws<TlsCredentialException>(() =>
            SeccCredentialsLoader.Load(Options(files with { PrivateKey = foreign.PrivateKey }), _clock));

        Assert.Contains("does not belong", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_leaf_outside_secp521r1_is_refused()
    {
        using var p256 = V2gTestPki.Create(PkiFixture.Now, seccCurve: ECCurve.NamedCurves.nistP256);
        var files = p256.WriteSeccPem(_folder);

        var error = Assert.Throws<TlsCredentialException>(() => SeccCredentialsLoader.Load(Options(files), _clock));

        Assert.Contains("secp521r1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_leaf_is_refused()
    {
        var files = fixture.Pki.WriteSeccPem(_folder);
        _clock.Advance(TimeSpan.FromDays(400));

        var error = Assert.Throws<TlsCredentialException>(() => SeccCredentialsLoader.Load(Options(files), _clock));

        Assert.Contains("not valid now", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_files_and_folders_are_reported_by_option_name()
    {
        var files = fixture.Pki.WriteSeccPem(_folder);

        Assert.Contains("CertificateChain", Assert.Throws<TlsCredentialException>(() =>
            SeccCredentialsLoader.Load(Options(files with { CertificateChain = Path.Combine(_folder, "nope.pem") }), _clock)).Message, StringComparison.Ordinal);
        Assert.Contains("TrustedRoots", Assert.Throws<TlsCredentialException>(() =>
            SeccCredentialsLoader.Load(Options(files with { TrustedRoots = Path.Combine(_folder, "nope") }), _clock)).Message, StringComparison.Ordinal);
        Assert.Throws<TlsCredentialException>(() => SeccCredentialsLoader.Load(new V2gTlsOptions(), _clock));
    }

    [Fact]
    public void Trusted_roots_may_be_der_files()
    {
        var rootsFolder = Path.Combine(_folder, "der-roots");
        Directory.CreateDirectory(rootsFolder);
        File.WriteAllBytes(Path.Combine(rootsFolder, "oem.der"), fixture.Pki.OemRoot!.RawData);
        File.WriteAllText(Path.Combine(rootsFolder, "README.txt"), "ignored");

        var roots = SeccCredentialsLoader.LoadTrustedRoots(rootsFolder);

        Assert.Equal([fixture.Pki.OemRoot.Thumbprint], roots.Select(c => c.Thumbprint));
    }

    private static V2gTlsOptions Options(SeccPemFiles files, string? password = null) => new()
    {
        CertificateChain = files.CertificateChain,
        PrivateKey = files.PrivateKey,
        PrivateKeyPassword = password,
        TrustedRoots = files.TrustedRoots,
    };
}
