using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.V2g.Tls;

/// <summary>The SECC's certificate (with private key), the sub-CAs sent with it, and the roots that EV
/// certificates are checked against.</summary>
public sealed class SeccCredentials(
    X509Certificate2 leaf,
    X509Certificate2Collection intermediates,
    X509Certificate2Collection trustedRoots) : IDisposable
{
    public X509Certificate2 Leaf { get; } = leaf;

    public X509Certificate2Collection Intermediates { get; } = intermediates;

    public X509Certificate2Collection TrustedRoots { get; } = trustedRoots;

    public void Dispose()
    {
        Leaf.Dispose();
        foreach (var certificate in Intermediates)
        {
            certificate.Dispose();
        }

        foreach (var certificate in TrustedRoots)
        {
            certificate.Dispose();
        }
    }
}
