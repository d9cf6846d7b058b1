using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.Ocpp.Rpc;

/// <summary>
/// CSMS certificate validation for security profiles 2 and 3: the chain must end in one of the configured
/// CSMS root certificates (or the system store when none are configured) and the name must match the URL host.
/// </summary>
public static class OcppCertificateCheck
{
    public static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection roots)
    {
        ArgumentNullException.ThrowIfNull(roots);
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }

        if (roots.Count == 0)
        {
            return errors == SslPolicyErrors.None;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);

        // Stations are often offline from OCSP/CRL endpoints; revocation is handled through certificate updates (A02/A03).
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
