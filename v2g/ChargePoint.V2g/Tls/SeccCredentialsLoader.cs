using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChargePoint.V2g.Tls;

/// <summary>Loads <see cref="SeccCredentials"/> from the PEM files named in <see cref="V2gTlsOptions"/>.</summary>
public static class SeccCredentialsLoader
{
    private static readonly string[] RootFileExtensions = [".pem", ".crt", ".cer", ".der"];

    /// <exception cref="TlsCredentialException">Any problem with the files, the password or the key.</exception>
    public static SeccCredentials Load(V2gTlsOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!options.IsConfigured)
        {
            throw new TlsCredentialException("V2g:Tls:CertificateChain and V2g:Tls:PrivateKey must both be set.");
        }

        var chain = LoadChain(options.CertificateChain!);
        var leaf = chain[0];
        using var publicKey = leaf.GetECDsaPublicKey()
            ?? throw new TlsCredentialException($"SECC certificate {leaf.Subject} has no ECDSA key; the -20 profile needs secp521r1 [V2G20-2674].");
        if (!V2gTlsProfile.IsSecp521r1(publicKey))
        {
            throw new TlsCredentialException($"SECC certificate {leaf.Subject} uses curve {publicKey.ExportParameters(false).Curve.Oid.FriendlyName}; the -20 profile needs secp521r1 [V2G20-2674].");
        }

        var now = timeProvider.GetUtcNow();
        if (now < leaf.NotBefore || now > leaf.NotAfter)
        {
            throw new TlsCredentialException($"SECC certificate {leaf.Subject} is not valid now (valid {leaf.NotBefore:O} to {leaf.NotAfter:O}).");
        }

        var leafWithKey = AttachPrivateKey(leaf, options.PrivateKey!, options.PrivateKeyPassword);
        leaf.Dispose();

        // The root, when present in the chain file, is not sent: the EV holds it already.
        var intermediates = new X509Certificate2Collection();
        for (var i = 1; i < chain.Count; i++)
        {
            if (IsSelfSigned(chain[i]))
            {
                chain[i].Dispose();
            }
            else
            {
                intermediates.Add(chain[i]);
            }
        }

        return new SeccCredentials(leafWithKey, intermediates, LoadTrustedRoots(options.TrustedRoots));
    }

    /// <summary>Every certificate in PEM or DER files of <paramref name="folder"/>; empty when unset.</summary>
    public static X509Certificate2Collection LoadTrustedRoots(string? folder)
    {
        var roots = new X509Certificate2Collection();
        if (string.IsNullOrWhiteSpace(folder))
        {
            return roots;
        }

        if (!Directory.Exists(folder))
        {
            throw new TlsCredentialException($"V2g:Tls:TrustedRoots folder '{folder}' does not exist.");
        }

        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!RootFileExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                var text = File.ReadAllText(file);
                if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
                {
                    roots.ImportFromPem(text);
                }
                else
                {
                    roots.Add(X509CertificateLoader.LoadCertificateFromFile(file));
                }
            }
            catch (CryptographicException e)
            {
                throw new TlsCredentialException($"Trusted root file '{file}' is not a certificate.", e);
            }
        }

        return roots;
    }

    private static X509Certificate2Collection LoadChain(string path)
    {
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new TlsCredentialException($"V2g:Tls:CertificateChain '{path}' cannot be read.", e);
        }

        if (chain.Count == 0)
        {
            throw new TlsCredentialException($"V2g:Tls:CertificateChain '{path}' holds no certificate.");
        }

        return chain;
    }

    private static X509Certificate2 AttachPrivateKey(X509Certificate2 leaf, string keyPath, string? password)
    {
        string pem;
        try
        {
            pem = File.ReadAllText(keyPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TlsCredentialException($"V2g:Tls:PrivateKey '{keyPath}' cannot be read.", e);
        }

        using var key = ECDsa.Create();
        try
        {
            if (pem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal))
            {
                if (string.IsNullOrEmpty(password))
                {
                    throw new TlsCredentialException($"V2g:Tls:PrivateKey '{keyPath}' is encrypted; set V2g:Tls:PrivateKeyPassword.");
                }

                key.ImportFromEncryptedPem(pem, password);
            }
            else
            {
                key.ImportFromPem(pem);
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new TlsCredentialException($"V2g:Tls:PrivateKey '{keyPath}' is not a usable EC key (or the password is wrong).", e);
        }

        try
        {
            return leaf.CopyWithPrivateKey(key);
        }
        catch (ArgumentException e)
        {
            throw new TlsCredentialException($"V2g:Tls:PrivateKey '{keyPath}' does not belong to certificate {leaf.Subject}.", e);
        }
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
