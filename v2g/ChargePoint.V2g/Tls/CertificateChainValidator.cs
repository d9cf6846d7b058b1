using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.V2g.Tls;

/// <summary>
/// Checks a peer's TLS certificate against the configured V2G trust anchors only, never the OS store,
/// and ignores host names (V2G certificates name an EVSE or vehicle, not a DNS host). Revocation is not
/// checked: the SECC is offline during the handshake and OCSP stapling is not available through SslStream.
/// </summary>
public sealed class CertificateChainValidator(X509Certificate2Collection trustedRoots, TimeProvider timeProvider)
{
    /// <summary>Validates <paramref name="certificate"/> with the intermediates the peer sent.</summary>
    public bool IsTrusted(X509Certificate2 certificate, IEnumerable<X509Certificate2> sentIntermediates)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(sentIntermediates);
        if (trustedRoots.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        foreach (var intermediate in sentIntermediates)
        {
            chain.ChainPolicy.ExtraStore.Add(intermediate);
        }

        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = timeProvider.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(certificate);
    }

    /// <summary>
    /// Server side (SECC): an EV without a certificate is accepted (EIM). One whose certificate we cannot
    /// verify is accepted too when <paramref name="acceptUntrusted"/> (its OEM root may simply be missing
    /// here; it can still use EIM). <paramref name="verdict"/> records whether the certificate is trusted,
    /// which decides whether Plug &amp; Charge may be offered.
    /// </summary>
    public RemoteCertificateValidationCallback ForEvCertificate(StrongBox<bool> verdict, bool acceptUntrusted)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return (_, certificate, chain, _) =>
        {
            if (certificate is not X509Certificate2 evCertificate)
            {
                return certificate is null;
            }

            verdict.Value = IsTrusted(evCertificate, SentIntermediates(chain, evCertificate));
            return verdict.Value || acceptUntrusted;
        };
    }

    /// <summary>Client side (EV): the SECC certificate must chain to a trusted V2G root.</summary>
    public RemoteCertificateValidationCallback ForSeccCertificate() =>
        (_, certificate, chain, _) => certificate is X509Certificate2 seccCertificate
            && IsTrusted(seccCertificate, SentIntermediates(chain, seccCertificate));

    private static IEnumerable<X509Certificate2> SentIntermediates(X509Chain? chain, X509Certificate2 leaf)
    {
        if (chain is null)
        {
            return [];
        }

        // The platform puts the certificates the peer sent into the chain's extra store.
        return chain.ChainPolicy.ExtraStore.Where(c => !c.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span));
    }
}
