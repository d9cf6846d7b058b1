namespace ChargePoint.V2g.Tls;

/// <summary>The configured TLS material cannot be used (missing file, wrong password, key not matching the
/// certificate, curve outside the -20 profile). The TLS listener stays down and SDP never offers TLS.</summary>
public sealed class TlsCredentialException : Exception
{
    public TlsCredentialException()
    {
    }

    public TlsCredentialException(string message)
        : base(message)
    {
    }

    public TlsCredentialException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
