using System.Net;

namespace ChargePoint.V2g.Transport;

/// <summary>What SDP needs to know about a V2G listener: whether it really accepts connections, where,
/// and whether it speaks TLS. SDP never advertises a listener that is not up.</summary>
public interface IV2gListenerStatus
{
    bool IsListening { get; }

    bool IsTls { get; }

    /// <summary>The bound address and port; null until listening.</summary>
    IPEndPoint? LocalEndPoint { get; }
}
