using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.TestUtilities.Pki;

/// <summary>
/// A complete throw-away ISO 15118-20 PKI for tests: V2G root → CPO sub-CA 1 → CPO sub-CA 2 → SECC leaf
/// (secp521r1 unless told otherwise), and optionally OEM root → OEM sub-CAs → vehicle certificate (the EV's
/// TLS client certificate) and MO root → MO sub-CAs → contract certificate.
/// </summary>
public sealed class V2gTestPki : IDisposable
{
    private readonly List<X509Certificate2> _all = [];

    private V2gTestPki()
    {
    }

    public required X509Certificate2 V2gRoot { get; init; }

    public required X509Certificate2 CpoSubCa1 { get; init; }

    public required X509Certificate2 CpoSubCa2 { get; init; }

    /// <summary>SECC leaf with its private key.</summary>
    public required X509Certificate2 SeccLeaf { get; init; }

    public X509Certificate2? OemRoot { get; init; }

    public X509Certificate2? OemSubCa1 { get; init; }

    public X509Certificate2? OemSubCa2 { get; init; }

    /// <summary>Vehicle certificate with private key: the EV's TLS client certificate.</summary>
    public X509Certificate2? VehicleLeaf { get; init; }

    public X509Certificate2? MoRoot { get; init; }

    public X509Certificate2? MoSubCa1 { get; init; }

    public X509Certificate2? MoSubCa2 { get; init; }

    /// <summary>Contract certificate with private key.</summary>
    public X509Certificate2? ContractLeaf { get; init; }

    /// <summary>Sub-CAs the SECC sends with its leaf, nearest first.</summary>
    public X509Certificate2Collection SeccIntermediates => [CpoSubCa2, CpoSubCa1];

    /// <summary>Sub-CAs the EV sends with its vehicle certificate, nearest first.</summary>
    public X509Certificate2Collection VehicleIntermediates =>
        OemSubCa2 is null || OemSubCa1 is null ? [] : [OemSubCa2, OemSubCa1];

    /// <param name="now">Validity is centred on this instant (use the test's fake clock).</param>
    /// <param name="withOemAndContract">Also build the OEM (vehicle) and MO (contract) chains.</param>
    /// <param name="seccCurve">Curve of the SECC leaf; default secp521r1 per the -20 profile.</param>
    public static V2gTestPki Create(DateTimeOffset now, bool withOemAndContract = false, ECCurve? seccCurve = null)
    {
        var p521 = ECCurve.NamedCurves.nistP521;
        var from = now.AddDays(-1);
        var rootTo = now.AddYears(10);
        var leafTo = now.AddYears(1);

        var cpo = IssueChain("V2G", "CPO", "CN=DEXYZE12345, O=ChargePoint Test, C=DE, DC=CPO", seccCurve ?? p521, from, rootTo, leafTo);
        var oem = withOemAndContract ? IssueChain("OEM", "OEM", "CN=WMIV1234567890ABCDEX, O=ChargePoint Test OEM, C=DE", p521, from, rootTo, leafTo) : null;
        var mo = withOemAndContract ? IssueChain("MO", "MO", "CN=DECPTC12345678, O=ChargePoint Test MO, C=DE", p521, from, rootTo, leafTo) : null;

        var pki = new V2gTestPki
        {
            V2gRoot = cpo.Root,
            CpoSubCa1 = cpo.SubCa1,
            CpoSubCa2 = cpo.SubCa2,
            SeccLeaf = cpo.Leaf,
            OemRoot = oem?.Root,
            OemSubCa1 = oem?.SubCa1,
            OemSubCa2 = oem?.SubCa2,
            VehicleLeaf = oem?.Leaf,
            MoRoot = mo?.Root,
            MoSubCa1 = mo?.SubCa1,
            MoSubCa2 = mo?.SubCa2,
            ContractLeaf = mo?.Leaf,
        };
        pki._all.AddRange(new[] { cpo, oem, mo }.OfType<IssuedChain>().SelectMany(c => new[] { c.Root, c.SubCa1, c.SubCa2, c.Leaf }));
        return pki;
    }

    /// <summary>Root → sub-CA 1 → sub-CA 2 → leaf, the four-level shape every -20 PKI branch has.</summary>
    private static IssuedChain IssueChain(string rootName, string subCaName, string leafSubject, ECCurve leafCurve, DateTimeOffset from, DateTimeOffset caTo, DateTimeOffset leafTo)
    {
        var p521 = ECCurve.NamedCurves.nistP521;
        var root = TestCertificateAuthority.CreateRoot($"CN=Test {rootName} Root CA, O=ChargePoint Test, C=DE, DC=V2G", p521, from, caTo);
        var subCa1 = TestCertificateAuthority.CreateSubCa($"CN=Test {subCaName} Sub-CA 1, O=ChargePoint Test, C=DE", root, 1, from, caTo);
        var subCa2 = TestCertificateAuthority.CreateSubCa($"CN=Test {subCaName} Sub-CA 2, O=ChargePoint Test, C=DE", subCa1, 0, from, caTo);
        var leaf = TestCertificateAuthority.CreateLeaf(leafSubject, subCa2, leafCurve, from, leafTo);
        return new IssuedChain(root, subCa1, subCa2, leaf);
    }

    private sealed record IssuedChain(X509Certificate2 Root, X509Certificate2 SubCa1, X509Certificate2 SubCa2, X509Certificate2 Leaf);

    /// <summary>
    /// Writes the files the <c>V2g:Tls:*</c> options point at: <c>secc-chain.pem</c> (leaf, sub-CA 2,
    /// sub-CA 1), <c>secc-key.pem</c> (encrypted PKCS#8 when <paramref name="password"/> is set) and a
    /// <c>trusted-roots</c> folder holding the roots EV certificates chain to (OEM root when built).
    /// </summary>
    public SeccPemFiles WriteSeccPem(string folder, string? password = null)
    {
        Directory.CreateDirectory(folder);
        var chainPath = Path.Combine(folder, "secc-chain.pem");
        File.WriteAllText(chainPath, string.Concat(SeccLeaf.ExportCertificatePem(), "\n", CpoSubCa2.ExportCertificatePem(), "\n", CpoSubCa1.ExportCertificatePem(), "\n"));

        using var key = SeccLeaf.GetECDsaPrivateKey()!;
        var keyPem = string.IsNullOrEmpty(password)
            ? key.ExportPkcs8PrivateKeyPem()
            : key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
        var keyPath = Path.Combine(folder, "secc-key.pem");
        File.WriteAllText(keyPath, keyPem);

        var rootsFolder = Path.Combine(folder, "trusted-roots");
        Directory.CreateDirectory(rootsFolder);
        if (OemRoot is not null)
        {
            File.WriteAllText(Path.Combine(rootsFolder, "oem-root.pem"), OemRoot.ExportCertificatePem());
        }

        return new SeccPemFiles(chainPath, keyPath, rootsFolder);
    }

    public void Dispose()
    {
        foreach (var certificate in _all)
        {
            certificate.Dispose();
        }
    }
}

/// <summary>Paths written by <see cref="V2gTestPki.WriteSeccPem"/>, matching the V2g:Tls options.</summary>
public sealed record SeccPemFiles(string CertificateChain, string PrivateKey, string TrustedRoots);
