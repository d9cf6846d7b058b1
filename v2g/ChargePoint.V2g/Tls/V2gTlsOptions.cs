namespace ChargePoint.V2g.Tls;

/// <summary>
/// The SECC's TLS material; configuration section <c>V2g:Tls</c>. Files are PEM so that a V2G PKI made by
/// any tool can be used: the chain file holds the SECC leaf first, then its sub-CAs.
/// </summary>
public sealed class V2gTlsOptions
{
    public const string SectionName = "V2g:Tls";

    /// <summary>PEM file: SECC leaf certificate followed by CPO sub-CA 2 and sub-CA 1 (root optional).</summary>
    public string? CertificateChain { get; set; }

    /// <summary>PEM file with the leaf's private key (PKCS#8, SEC1, or encrypted PKCS#8).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Password of an encrypted private key; empty or null when the key is not encrypted.</summary>
    public string? PrivateKeyPassword { get; set; }

    /// <summary>Folder of PEM/DER root certificates that EV (vehicle/OEM) certificates must chain to.</summary>
    public string? TrustedRoots { get; set; }

    /// <summary>Also accept TLS 1.2 (for ISO 15118-2 peers). Such connections never carry -20 ([V2G20-2356]).
    /// Off by default: the -20 profile is TLS 1.3 only.</summary>
    public bool AllowTls12 { get; set; }

    /// <summary>Let an EV whose certificate does not chain to <see cref="TrustedRoots"/> complete the
    /// handshake (it can still use EIM). When false such a handshake fails.</summary>
    public bool AcceptUntrustedEvCertificates { get; set; } = true;

    /// <summary>Time allowed for a TLS handshake before the TCP connection is dropped.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when the chain and key paths are set, i.e. TLS is meant to be offered.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(CertificateChain) && !string.IsNullOrWhiteSpace(PrivateKey);
}
