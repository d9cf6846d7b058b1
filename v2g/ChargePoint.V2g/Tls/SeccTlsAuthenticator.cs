using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tls;

/// <summary>Runs the SECC side of the TLS handshake with the -20 profile on an accepted TCP stream.</summary>
public sealed class SeccTlsAuthenticator
{
    private readonly SslStreamCertificateContext _certificateContext;
    private readonly CertificateChainValidator _evValidator;
    private readonly V2gTlsOptions _options;
    private readonly TimeProvider _timeProvider;

    public SeccTlsAuthenticator(SeccCredentials credentials, V2gTlsOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _certificateContext = V2gTlsProfile.CreateCertificateContext(credentials);
        _evValidator = new CertificateChainValidator(credentials.TrustedRoots, timeProvider);
        _options = options;
        _timeProvider = timeProvider;
        ServerCertificate = credentials.Leaf;
    }

    public X509Certificate2 ServerCertificate { get; }

    /// <summary>Authenticates within <see cref="V2gTlsOptions.HandshakeTimeout"/> (on the injected clock).
    /// Failures surface as <see cref="System.Security.Authentication.AuthenticationException"/>,
    /// <see cref="IOException"/> or <see cref="OperationCanceledException"/>; the inner stream is disposed then.</summary>
    public async Task<(SslStream Stream, V2gTransportSecurity Security)> AuthenticateAsync(Stream inner, CancellationToken cancellationToken)
    {
        var verdict = new StrongBox<bool>();
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            using var timeout = new CancellationTokenSource(_options.HandshakeTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            var serverOptions = V2gTlsProfile.CreateServerOptions(
                _certificateContext,
                _options.AllowTls12,
                _evValidator.ForEvCertificate(verdict, _options.AcceptUntrustedEvCertificates));
            await ssl.AuthenticateAsServerAsync(serverOptions, linked.Token);
            return (ssl, Describe(ssl, verdict.Value));
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    /// <summary>Transport security facts of an authenticated stream (either side).</summary>
    public static V2gTransportSecurity Describe(SslStream ssl, bool remoteCertificateTrusted)
    {
        ArgumentNullException.ThrowIfNull(ssl);
        return new V2gTransportSecurity
        {
            IsTls = true,
            Protocol = ssl.SslProtocol,
            CipherSuite = ssl.NegotiatedCipherSuite,
            ClientCertificate = ssl.IsServer ? ssl.RemoteCertificate as X509Certificate2 : null,
            ClientCertificateTrusted = ssl.IsServer && remoteCertificateTrusted,
        };
    }
}
