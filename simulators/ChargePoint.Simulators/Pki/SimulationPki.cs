using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.Simulators.Pki;

/// <summary>
/// A throwaway ISO 15118-20 PKI for one simulation run: V2G root → CPO sub-CA 1 → CPO sub-CA 2 → SECC leaf, all
/// ECDSA on secp521r1 as the -20 TLS profile requires [V2G20-2674]. Written as PEM files (leaf chain, private
/// key, root) in a fresh temporary folder that <see cref="Dispose"/> deletes. Never for production use.
/// </summary>
public sealed class SimulationPki : IDisposable
{
    private readonly DirectoryInfo _folder;

    private SimulationPki(DirectoryInfo folder, X509Certificate2 root)
    {
        _folder = folder;
        Root = root;
    }

    /// <summary>The V2G root the simulated EV trusts.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>SECC leaf, sub-CA 2, sub-CA 1 (PEM).</summary>
    public string CertificateChainPath => Path.Combine(_folder.FullName, "secc-chain.pem");

    /// <summary>The SECC leaf's private key (PKCS#8 PEM, unencrypted).</summary>
    public string PrivateKeyPath => Path.Combine(_folder.FullName, "secc-key.pem");

    /// <summary>The V2G root (PEM), for an outside EV.</summary>
    public string RootPath => Path.Combine(_folder.FullName, "v2g-root.pem");

    public static SimulationPki Create(DateTimeOffset now)
    {
        var from = now.AddDays(-1);
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        using var sub1Key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        using var sub2Key = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP521);
        var rootRequest = Request("CN=ChargePoint Simulation V2G Root, O=ChargePoint Simulation, DC=V2G", rootKey, ca: true, pathLength: 2);
        using var root = rootRequest.CreateSelfSigned(from, now.AddYears(10));
        using var sub1 = Issue(Request("CN=ChargePoint Simulation CPO Sub-CA 1, O=ChargePoint Simulation, DC=CPO", sub1Key, ca: true, pathLength: 1), root, from, now.AddYears(4));
        using var sub1WithKey = sub1.CopyWithPrivateKey(sub1Key);
        using var sub2 = Issue(Request("CN=ChargePoint Simulation CPO Sub-CA 2, O=ChargePoint Simulation, DC=CPO", sub2Key, ca: true, pathLength: 0), sub1WithKey, from, now.AddYears(2));
        using var sub2WithKey = sub2.CopyWithPrivateKey(sub2Key);
        using var leaf = Issue(Request("CN=DECPTE00001, O=ChargePoint Simulation, DC=CPO", leafKey, ca: false, pathLength: 0), sub2WithKey, from, now.AddYears(1));

        var folder = Directory.CreateTempSubdirectory("chargepoint-sim-pki-");
        var pki = new SimulationPki(folder, X509CertificateLoader.LoadCertificate(root.RawData));
        File.WriteAllText(pki.CertificateChainPath, leaf.ExportCertificatePem() + "\n" + sub2.ExportCertificatePem() + "\n" + sub1.ExportCertificatePem() + "\n");
        File.WriteAllText(pki.PrivateKeyPath, leafKey.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(pki.RootPath, root.ExportCertificatePem());
        return pki;
    }

    public void Dispose()
    {
        Root.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Already gone.
        }
    }

    private static CertificateRequest Request(string subject, ECDsa key, bool ca, int pathLength)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA512);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(ca, ca, pathLength, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            ca ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement,
            critical: true));
        return request;
    }

    private static X509Certificate2 Issue(CertificateRequest request, X509Certificate2 issuer, DateTimeOffset from, DateTimeOffset to)
    {
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        var notAfter = to > issuer.NotAfter ? new DateTimeOffset(issuer.NotAfter.ToUniversalTime()) : to;
        return request.Create(issuer, from, notAfter, serial);
    }
}
