using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.V2g.Transport;

/// <summary>What protects a V2G connection, as negotiated. The SECC consults this before selecting an
/// application protocol: ISO 15118-20 may only run over TLS 1.3 ([V2G20-2356], mutual TLS [V2G20-1264]).</summary>
public sealed record V2gTransportSecurity
{
    public static V2gTransportSecurity PlainTcp { get; } = new();

    public bool IsTls { get; init; }

    public SslProtocols Protocol { get; init; } = SslProtocols.None;

    public TlsCipherSuite? CipherSuite { get; init; }

    /// <summary>The EV's certificate when it sent one (Plug &amp; Charge); null for EIM-only vehicles.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>True when <see cref="ClientCertificate"/> chains to one of the configured trusted roots.</summary>
    public bool ClientCertificateTrusted { get; init; }

    /// <summary>True only for TLS 1.3: the one transport on which ISO 15118-20 may be selected.</summary>
    public bool IsTls13 => IsTls && Protocol == SslProtocols.Tls13;

    /// <summary>[V2G20-2356]: the SECC shall not select -20 on plain TCP or TLS 1.2 and below.</summary>
    public bool PermitsIso15118Part20 => IsTls13;

    public override string ToString() => !IsTls
        ? "plain TCP"
        : $"{Protocol} {CipherSuite}, EV certificate {ClientCertificate?.Subject ?? "none"}{(ClientCertificateTrusted ? " (trusted)" : string.Empty)}";
}
