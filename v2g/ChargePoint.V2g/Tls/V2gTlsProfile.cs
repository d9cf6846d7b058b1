using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.V2g.Tls;

/// <summary>
/// The ISO 15118-20 TLS profile as far as <see cref="SslStream"/> (OpenSSL on Linux) can express it:
/// TLS 1.3 only; cipher suites TLS_AES_256_GCM_SHA384 then TLS_CHACHA20_POLY1305_SHA256
/// ([V2G20-2458], [V2G20-1856]); a secp521r1 SECC certificate ([V2G20-2674]); the EV's certificate requested
/// for mutual authentication ([V2G20-1264]) with the trusted roots announced as certificate_authorities.
/// Not expressible here: restricting key-exchange groups to secp521r1/x448 and OCSP stapling.
/// </summary>
public static class V2gTlsProfile
{
    /// <summary>OID of secp521r1 (NIST P-521).</summary>
    public const string Secp521r1Oid = "1.3.132.0.35";

    public static IReadOnlyList<TlsCipherSuite> Tls13CipherSuites { get; } =
        [TlsCipherSuite.TLS_AES_256_GCM_SHA384, TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256];

    /// <summary>ISO 15118-2 suite, added only when TLS 1.2 is explicitly allowed.</summary>
    public static TlsCipherSuite Tls12CipherSuite => TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256;

    public static bool IsSecp521r1(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var curve = key.ExportParameters(false).Curve;
        return curve.Oid.Value == Secp521r1Oid
            || string.Equals(curve.Oid.FriendlyName, "nistP521", StringComparison.OrdinalIgnoreCase)
            || string.Equals(curve.Oid.FriendlyName, "secp521r1", StringComparison.OrdinalIgnoreCase)
            || string.Equals(curve.Oid.FriendlyName, "ECDSA_P521", StringComparison.OrdinalIgnoreCase);
    }

    public static SslProtocols Protocols(bool allowTls12) =>
        allowTls12 ? SslProtocols.Tls13 | SslProtocols.Tls12 : SslProtocols.Tls13;

    /// <summary>The profile's suites; null on Windows, where SChannel has no per-connection policy.</summary>
    public static CipherSuitesPolicy? CipherSuites(bool allowTls12) =>
        OperatingSystem.IsWindows() ? null : new(allowTls12 ? [.. Tls13CipherSuites, Tls12CipherSuite] : Tls13CipherSuites);

    /// <summary>Server options for one handshake. The validator is called for the EV certificate; an absent
    /// certificate is accepted (EIM), an untrusted one is recorded as such by the validator.</summary>
    public static SslServerAuthenticationOptions CreateServerOptions(
        SslStreamCertificateContext certificateContext,
        bool allowTls12,
        RemoteCertificateValidationCallback clientCertificateValidation) => new()
        {
            ServerCertificateContext = certificateContext,
            EnabledSslProtocols = Protocols(allowTls12),
            CipherSuitesPolicy = CipherSuites(allowTls12),
            ClientCertificateRequired = true,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = clientCertificateValidation,
            AllowRenegotiation = false,
            EncryptionPolicy = EncryptionPolicy.RequireEncryption,
        };

    /// <summary>Builds the certificate context sent to EVs: leaf plus sub-CAs, and the trusted roots
    /// announced in the CertificateRequest so the EV can choose a matching vehicle certificate.</summary>
    public static SslStreamCertificateContext CreateCertificateContext(SeccCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var trust = credentials.TrustedRoots.Count > 0
            ? SslCertificateTrust.CreateForX509Collection(credentials.TrustedRoots, sendTrustInHandshake: true)
            : null;
        return SslStreamCertificateContext.Create(credentials.Leaf, credentials.Intermediates, offline: true, trust);
    }
}
