using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using ChargePoint.V2g.Transport;

namespace ChargePoint.V2g.Tls;

/// <summary>Runs the EV side of the TLS handshake against a SECC.</summary>
public sealed class EvTlsAuthenticator(EvTlsClientOptions options, TimeProvider timeProvider)
{
    private readonly CertificateChainValidator _seccValidator = new(options.TrustedRoots, timeProvider);

    public async Task<(SslStream Stream, V2gTransportSecurity Security)> AuthenticateAsync(Stream inner, CancellationToken cancellationToken)
    {
        var ssl = new SslStream(inner, leaveInnerStreamOpen: false);
        try
        {
            using var timeout = new CancellationTokenSource(options.HandshakeTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await ssl.AuthenticateAsClientAsync(CreateClientOptions(), linked.Token);
            return (ssl, SeccTlsAuthenticator.Describe(ssl, remoteCertificateTrusted: true));
        }
        catch
        {
            await ssl.DisposeAsync();
            throw;
        }
    }

    private SslClientAuthenticationOptions CreateClientOptions()
    {
        var clientOptions = new SslClientAuthenticationOptions
        {
            // V2G certificates carry no host name; trust comes from the V2G root alone.
            TargetHost = string.Empty,
            EnabledSslProtocols = options.Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = _seccValidator.ForSeccCertificate(),
            CipherSuitesPolicy = OperatingSystem.IsWindows()
                ? null
                : new CipherSuitesPolicy(options.CipherSuites ?? V2gTlsProfile.Tls13CipherSuites),
        };
        if (options.ClientCertificate is { } vehicleCertificate)
        {
            clientOptions.ClientCertificateContext = SslStreamCertificateContext.Create(
                vehicleCertificate, options.ClientIntermediates, offline: true);
        }

        return clientOptions;
    }
}
