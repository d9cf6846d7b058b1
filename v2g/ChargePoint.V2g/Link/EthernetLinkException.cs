namespace ChargePoint.V2g.Link;

/// <summary>The raw Ethernet link could not be opened (missing interface, missing CAP_NET_RAW). Meant for start-up.</summary>
public sealed class EthernetLinkException : Exception
{
    public EthernetLinkException()
    {
    }

    public EthernetLinkException(string message)
        : base(message)
    {
    }

    public EthernetLinkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
