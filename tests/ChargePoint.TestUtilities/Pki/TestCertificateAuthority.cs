using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.TestUtilities.Pki;

/// <summary>Issues ECDSA certificates with <see cref="CertificateRequest"/>: self-signed roots, sub-CAs
/// with a path length, and end-entity certificates, each with SKI/AKI so chains build unambiguously.</summary>
public static class TestCertificateAuthority
{
    public static X509Certificate2 CreateRoot(string subject, ECCurve curve, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(curve);
        var request = NewRequest(subject, key);
        AddCaExtensions(request, pathLength: 2);
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    public static X509Certificate2 CreateSubCa(string subject, X509Certificate2 issuer, int pathLength, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(subject, issuer, issuer.GetECDsaPublicKey()!.ExportParameters(false).Curve, notBefore, notAfter, request => AddCaExtensions(request, pathLength));

    public static X509Certificate2 CreateLeaf(string subject, X509Certificate2 issuer, ECCurve curve, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        Issue(subject, issuer, curve, notBefore, notAfter, request =>
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(
                X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, critical: true));
        });

    private static X509Certificate2 Issue(
        string subject,
        X509Certificate2 issuer,
        ECCurve curve,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        Action<CertificateRequest> addExtensions)
    {
        using var key = ECDsa.Create(curve);
        var request = NewRequest(subject, key);
        addExtensions(request);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(issuer, ClampToIssuer(notBefore, issuer), ClampToIssuer(notAfter, issuer), serial);
        return issued.CopyWithPrivateKey(key);
    }

    private static CertificateRequest NewRequest(string subject, ECDsa key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA512);
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }

    private static void AddCaExtensions(CertificateRequest request, int pathLength)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, pathLength, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
    }

    private static DateTimeOffset ClampToIssuer(DateTimeOffset value, X509Certificate2 issuer)
    {
        var from = new DateTimeOffset(issuer.NotBefore.ToUniversalTime());
        var to = new DateTimeOffset(issuer.NotAfter.ToUniversalTime());
        return value < from ? from : value > to ? to : value;
    }
}
