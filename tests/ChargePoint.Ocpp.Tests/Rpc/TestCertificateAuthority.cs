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
