using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.V2g.Tls;

/// <summary>EV (EVCC) side TLS settings, used by the EV simulator and tests.</summary>
public sealed class EvTlsClientOptions
{
    /// <summary>V2G roots the SECC certificate must chain to.</summary>
    public X509Certificate2Collection TrustedRoots { get; init; } = [];

    /// <summary>Vehicle certificate with private key for mutual TLS (Plug &amp; Charge); null for EIM.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Sub-CAs sent with <see cref="ClientCertificate"/>.</summary>
    public X509Certificate2Collection ClientIntermediates { get; init; } = [];

    public SslProtocols Protocols { get; init; } = SslProtocols.Tls13;

    /// <summary>Null means the -20 profile's suites.</summary>
    public IReadOnlyList<TlsCipherSuite>? CipherSuites { get; init; }

    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
