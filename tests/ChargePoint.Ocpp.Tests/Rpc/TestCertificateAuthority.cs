using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.Ocpp.Tests.Rpc;

/// <summary>A throw-away CA and a CSMS server certificate for 127.0.0.1, written as PEM files for the node peer.</summary>
public sealed class TestCertificateAuthority : IDisposable
{
    public TestCertificateAuthority(string commonName = "ChargePoint Test CSMS Root")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cp-ca-").FullName;
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=" + commonName, rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(san.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(Root, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), [1, 2, 3, 4]);
        ServerCertificatePath = Path.Combine(Directory, "csms.pem");
        ServerKeyPath = Path.Combine(Directory, "csms.key");
        File.WriteAllText(ServerCertificatePath, server.ExportCertificatePem());
        File.WriteAllText(ServerKeyPath, serverKey.ExportPkcs8PrivateKeyPem());
        RootCertificatePath = Path.Combine(Directory, "root.pem");
        File.WriteAllText(RootCertificatePath, Root.ExportCertificatePem());
        _rootKey = rootKey.ExportPkcs8PrivateKey();
    }

    private readonly byte[] _rootKey;

    /// <summary>The root as PEM, for a CSMS that verifies client certificates (security profile 3).</summary>
    public string RootCertificatePath { get; }

    /// <summary>A ChargingStationCertificate (client authentication) for <paramref name="commonName"/>, with its key.</summary>
    public X509Certificate2 IssueClientCertificate(string commonName)
    {
        using var rootKey = ECDsa.Create();
        rootKey.ImportPkcs8PrivateKey(_rootKey, out _);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName + ", O=ChargePoint Test", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var issued = request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), [5, 6, 7, 8]);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public string Directory { get; }

    public X509Certificate2 Root { get; }

    public string ServerCertificatePath { get; }

    public string ServerKeyPath { get; }

    public void Dispose()
    {
        Root.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
